"""What each document says: functions from a loaded year to the document model.

Each module here owns one document (``lampiran2``, ``pernyataan``, ``lampiran1``; ``pk``
puts them together as the whole Perjanjian Kinerja or one of its parts): its standard
sentences, its numbering, what stands for an absent field, its file name and
properties. Writers only decide how the model looks.
"""
