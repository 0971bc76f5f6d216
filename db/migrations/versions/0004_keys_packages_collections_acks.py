"""keys and packages: this register's own keys, the other units' trusted keys, packages' details, collections, acks

`unit_keys` holds the register's own keys (private halves encrypted with the passphrase); `trusted_keys` the other
units' public keys with their validity (an office: its communes'; a commune: its office's); `packages` gains what a
manifest says (commune, period, fingerprint, size, previous manifest, counts, details); `package_collections` who
collected a package and when; `package_acks` the acknowledgements made (office) or received (commune). The register's
kind (commune or office) is the setting `register_kind` (absent: commune).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_KEY_STATUS = "status IN ('active', 'replaced', 'void')"


def _key_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('unit_kind', sa.String(length=10), nullable=False),
        sa.Column('unit_code', sa.String(length=40), nullable=False),
        sa.Column('unit_name', sa.Text(), nullable=False),
        sa.Column('key_id', sa.String(length=16), nullable=False),
        sa.Column('minisign_public', sa.Text(), nullable=False),
        sa.Column('age_recipient', sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('unit_keys', *_key_columns(),
    sa.Column('locked', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(_KEY_STATUS, name=op.f('ck_unit_keys_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_keys'))
    )
    op.create_table('trusted_keys', *_key_columns(),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('valid_from', sa.DateTime(), nullable=True),
    sa.Column('valid_to', sa.DateTime(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(_KEY_STATUS, name=op.f('ck_trusted_keys_status')),
    sa.CheckConstraint("source IN ('own', 'folder', 'paper', 'rotation')", name=op.f('ck_trusted_keys_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trusted_keys'))
    )
    with op.batch_alter_table('unit_keys') as b:
        b.create_index(b.f('ix_unit_keys_key_id'), ['key_id'], unique=False)
    with op.batch_alter_table('trusted_keys') as b:
        b.create_index(b.f('ix_trusted_keys_key_id'), ['key_id'], unique=False)
        b.create_index(b.f('ix_trusted_keys_unit_code'), ['unit_code'], unique=False)
    with op.batch_alter_table('packages') as b:
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
        b.add_column(sa.Column('period', sa.String(length=7), nullable=True))
        b.add_column(sa.Column('fingerprint', sa.String(length=64), nullable=True))
        b.add_column(sa.Column('size', sa.Integer(), nullable=True))
        b.add_column(sa.Column('previous_manifest_sha256', sa.String(length=64), nullable=True))
        b.add_column(sa.Column('counts', sa.JSON(none_as_null=True), nullable=True))
        b.add_column(sa.Column('details', sa.JSON(none_as_null=True), nullable=True))
        b.create_index(b.f('ix_packages_commune_id'), ['commune_id'], unique=False)
        b.create_foreign_key(b.f('fk_packages_commune_id_communes'), 'communes', ['commune_id'], ['id'])
    op.create_table('package_collections',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=True),
    sa.Column('package_ref', sa.String(length=36), nullable=False),
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('collected_by', sa.Text(), nullable=False),
    sa.Column('collected_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'],
                            name=op.f('fk_package_collections_package_id_packages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_collections'))
    )
    op.create_table('package_acks',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('office_code', sa.String(length=40), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_package_acks_package_id_packages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_acks'))
    )
    with op.batch_alter_table('package_collections') as b:
        b.create_index(b.f('ix_package_collections_package_id'), ['package_id'], unique=False)
    with op.batch_alter_table('package_acks') as b:
        b.create_index(b.f('ix_package_acks_package_id'), ['package_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('package_acks') as b:
        b.drop_index(b.f('ix_package_acks_package_id'))
    with op.batch_alter_table('package_collections') as b:
        b.drop_index(b.f('ix_package_collections_package_id'))
    op.drop_table('package_acks')
    op.drop_table('package_collections')
    with op.batch_alter_table('packages') as b:
        b.drop_constraint(b.f('fk_packages_commune_id_communes'), type_='foreignkey')
        b.drop_index(b.f('ix_packages_commune_id'))
        for name in ('details', 'counts', 'previous_manifest_sha256', 'size', 'fingerprint', 'period', 'commune_id'):
            b.drop_column(name)
    with op.batch_alter_table('trusted_keys') as b:
        b.drop_index(b.f('ix_trusted_keys_unit_code'))
        b.drop_index(b.f('ix_trusted_keys_key_id'))
    with op.batch_alter_table('unit_keys') as b:
        b.drop_index(b.f('ix_unit_keys_key_id'))
    op.drop_table('trusted_keys')
    op.drop_table('unit_keys')
