"""The packages' work in a register (issue 16): the file layer of app.packages joined to the database.

    units       register_kind, own_unit: is this register a commune's or an office's, and who it is
    office      InitOffice, create_office: an office's register (`hgd init --office`)
    keyring     InitKeys, TrustKeys, unlock, trusted_keys, own_public: this register's keys and the trusted ones
    data        period_data (the commune's records as data.json), merge (into an office's register)
    export      ExportPackage: the period's package, written, read back, period → exported
    courier     check_package, RecordCollection: the courier's check and who collected it
    receive     ImportPackage: the office verifies, decrypts, checks the sequence, merges, signs an acknowledgement
    acks        ImportAck: the commune registers the office's acknowledgement, period → acknowledged
    minutes     minutes_input: the handover minutes of a period's package
    overview    office_overview: what each commune sent, the gaps, the last package against the deadline
"""
