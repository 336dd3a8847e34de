# dict: insertion order, get/setdefault/pop/popitem/update/items/keys/values, |, del, KeyError.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d, len(d))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("c"), d.pop("zz", "dflt"), d)
d.update({"x": 9}, y=8)
print(d, d.popitem(), d)
del d["a"]
print(d, d | {"q": 1}, {**d, "b": 0})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
print(dict(zip(["k1", "k2"], [1, 2])), dict(a=1), dict([("t", 0)]), dict.fromkeys("ab", 0))
e = d.copy()
e.clear()
print(e, d == {"b": 20, "n": [1], "x": 9}, {1: "a"} == {1.0: "a"})
for k, v in d.items():
    print(k, "->", v)
