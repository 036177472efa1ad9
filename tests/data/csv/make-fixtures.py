#!/usr/bin/env python3
# make-fixtures.py: writes the CSV files that test-csv reads, with Python's csv module, as
# spreadsheets and scripts write them. Run it in this folder; its output is committed beside it.
import csv

NODES = [
    ["Id", "Label", "Type", "Description", "founded", "active", "members", "quotes"],
    ["1", "Сергей Алейник", "person", 'Belarus\'s "foreign minister", since 2024', "2024-06", "true", "1", ""],
    ["2", "सुब्रह्मण्यम जयशंकर", "Person", "India's External Affairs Minister,\nand a diplomat", "2019", "TRUE", "2.5", "He said so.\n\nAnd again, \"twice\"."],
    ["3", "Joint Commission", "commission", "Line one\r\nline two", "1997-04-22", "false", "", ""],
    ["4", "Newsroom", "Newspaper", "", "", "", "-3e2", ""],
]

EDGES = [
    ["Source", "Target", "Type", "Label", "weight"],
    ["1", "2", "Directed", "meets, in Delhi", "2"],
    ["2", "3", "Undirected", "co-chairs", "1.5"],
    ["1", "9", "Directed", "to a missing node", "1"],
]

with open("python-nodes.csv", "w", newline="", encoding="utf-8-sig") as f:
    csv.writer(f).writerows(NODES)
with open("python-edges.csv", "w", newline="", encoding="utf-8-sig") as f:
    csv.writer(f).writerows(EDGES)
with open("python-nodes-semicolon.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f, delimiter=";", lineterminator="\n").writerows(NODES)
with open("python-nodes-tab.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f, delimiter="\t", lineterminator="\r", quoting=csv.QUOTE_ALL).writerows(NODES)
