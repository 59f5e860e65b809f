# itertools.groupby: consecutive grouping, keys, sorted input.
from itertools import groupby
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
for letter, group in groupby(sorted(words), key=lambda w: w[0]):
    print(letter, list(group))
records = [("ann", "dev"), ("bob", "ops"), ("cid", "dev"), ("dee", "ops")]
by_team = {team: [name for name, _ in grp] for team, grp in groupby(sorted(records, key=lambda r: r[1]), key=lambda r: r[1])}
print(by_team)
groups = groupby("xxy")
first_key, first_group = next(groups)
second_key, second_group = next(groups)
print(first_key, list(first_group), second_key, list(second_group))
def run_length(s):
    return "".join(f"{len(list(g))}{k}" for k, g in groupby(s))
print(run_length("WWWWBBBWWC"))
print(list(groupby([])), [k for k, _ in groupby([3, 1, 1, 3], key=lambda x: x > 2)])
