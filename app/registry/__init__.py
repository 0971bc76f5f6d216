"""The registry: households and members, the dated events that change them, undo/redo and history.

Every service is an operation (app.operations) applied through `Register.apply`.
"""
from app.registry.commune import CreateCommune, SetCommuneInfo, SetSetting
from app.registry.corrections import ChangeGroup, CorrectPerson
from app.registry.households import ChangeHead, MergeHouseholds, SplitHousehold
from app.registry.parameters import SetParameter
from app.registry.people import AddHousehold, AddPerson, RecordBirth, RecordDeath, RecordMoveIn, RecordMoveOut

__all__ = ["AddHousehold", "AddPerson", "ChangeGroup", "ChangeHead", "CorrectPerson", "CreateCommune",
           "MergeHouseholds", "RecordBirth", "RecordDeath", "RecordMoveIn", "RecordMoveOut", "SetCommuneInfo",
           "SetParameter", "SetSetting", "SplitHousehold"]
