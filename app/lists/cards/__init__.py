"""Reconciliation with the social-insurance office's card-holder list (`hgd cards`).

    cards = read_card_list(path)                                  # app.lists.cards.read
    result = reconcile(session, commune_id, cards, today)         # app.lists.cards.match: matches and proposals
    register.apply(AcceptCards(file, proposals))                  # app.lists.cards.ops: events, so rows of the lists
"""
