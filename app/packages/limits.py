"""Every size a package reader accepts, checked before the thing is read (DESIGN.md, "Hostile content").

A commune holds 3,000 to 30,000 people: its month's data.json is a few MB (about 300 bytes a person) and its lists
(XLSX, PDF) a few MB each. The limits leave ten times that room and no more, so that a hostile file is refused
quickly and memory stays bounded: the reader holds at most the package, the decrypted payload (no larger than the
package) and the unpacked files at once.
"""
from __future__ import annotations

MiB = 1024 * 1024

MAX_PACKAGE_BYTES = 200 * MiB        # the .zip as stored on the stick
MAX_MANIFEST_BYTES = 64 * 1024       # manifest.json: a hundred file entries take about 15 KB
MAX_SIGNATURE_BYTES = 2 * 1024       # a .minisig: four lines; our trusted comments are under 300 characters
MAX_SMALL_DOC_BYTES = 64 * 1024      # ack.json, rotation.json, unit.json
MAX_SEALED_BYTES = 256 * 1024        # an acknowledgement or rotation notice file (its zip)
MAX_KEY_FILE_BYTES = 4 * 1024        # minisign.pub, age.pub
MAX_STORED_KEYS_BYTES = 16 * 1024    # the private keys as the database stores them

MAX_INNER_FILES = 100                # data.json and the lists inside the payload
MAX_DATA_JSON_BYTES = 128 * MiB      # data.json unpacked
MAX_INNER_FILE_BYTES = 64 * MiB      # one list (XLSX or PDF) unpacked
MAX_INNER_TOTAL_BYTES = 400 * MiB    # everything inside the payload, unpacked
MAX_RATIO = 200                      # unpacked/packed for a member larger than RATIO_FLOOR (JSON packs ~6 times)
RATIO_FLOOR = 1 * MiB

MAX_JSON_DEPTH_SMALL = 8             # manifest, acknowledgement, notices: their schemas nest 3 levels
MAX_JSON_DEPTH_DATA = 32             # data.json
