"""What each document says: functions from a loaded year to the document model.

Each module here owns one document (Lampiran 2 now; the pernyataan, Lampiran 1 and the
whole PK next): its standard sentences, its numbering, what stands for an absent field,
its file name and properties. Writers only decide how the model looks.
"""
