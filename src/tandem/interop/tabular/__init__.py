"""CSV and XLSX: the registry's columns, export with formulas escaped, safe reading."""
