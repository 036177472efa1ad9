#!/usr/bin/env python3
# check-csv-export.py: reads an entities and a relations file as Python's csv module does and prints
# how many records each has, after checking that every record is as wide as its header.
import csv
import sys

for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header = rows[0]
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            sys.exit(f"{path}: record {number} has {len(row)} fields, the header {len(header)}")
    print(len(rows) - 1)
