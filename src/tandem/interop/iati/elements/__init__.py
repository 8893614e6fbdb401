"""One small mapper per IATI element (or small group of elements).

Each mapper appends its elements to the ``<iati-activity>`` being built; the ordered list that
drives them, in the order the 2.03 schema requires, is :data:`tandem.interop.iati.export.ELEMENTS`.
"""
