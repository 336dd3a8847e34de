// collections.namedtuple (CPython Lib/collections/__init__.py). CPython builds the class
// with type() and an eval'd __new__; LoopLab has no type(name, bases, dict), so the class
// is written as source text and run, which gives the same class: a tuple subclass whose
// __new__ is a Python function (so wrong arguments raise CPython's own messages,
// "Point.__new__() missing 1 required positional argument: 'y'"), the same methods
// (_make, _replace, _asdict, __repr__) and read-only field properties.
#include "looplab/py/str.hpp"
#include "looplab/py/vm.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

const char* const kKeywords[] = {"False", "None",   "True",    "and",      "as",       "assert", "async",
                                 "await", "break",  "class",   "continue", "def",      "del",    "elif",
                                 "else",  "except", "finally", "for",      "from",     "global", "if",
                                 "import", "in",    "is",      "lambda",   "nonlocal", "not",    "or",
                                 "pass",  "raise",  "return",  "try",      "while",    "with",   "yield"};

bool is_keyword(const std::string& s) {
    for (const char* k : kKeywords)
        if (s == k) return true;
    return false;
}

// tuple.__new__(cls, iterable) for a tuple subclass.
Value tuple_new_for(Interp& in, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("_tuple_new expected 2 arguments");
    auto* t = new Tuple(to_vector(in, a[1]));
    Value v(t);
    if (a[0].is_object() && a[0].type()->kind == Kind::type) retype(t, a[0].as<Type>());
    return v;
}

// _tuplegetter(index): the field's property. The getter is a native whose bound `self` is
// the index (call() passes it first): getter(index, obj) -> obj[index].
Value field_get(Interp& in, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("expected 1 argument");
    return getitem(in, a[1], a[0]);
}
Value field_set(Interp&, const CallArgs&) { raise(exc_types().AttributeError, "can't set attribute"); }

Value tuplegetter(Interp&, const CallArgs& a) {
    return Value(new Property(make_native("_tuplegetter", field_get, a[0]), make_native("_tuplegetter", field_set)));
}

}  // namespace

Value make_namedtuple(Interp& in, const std::string& typename_, std::vector<std::string> fields, bool rename,
                      const Value& defaults, const std::string& module) {
    if (rename) {
        std::vector<std::string> seen;
        for (size_t i = 0; i < fields.size(); ++i) {
            const std::string& n = fields[i];
            bool dup = std::find(seen.begin(), seen.end(), n) != seen.end();
            if (!str_isidentifier(n) || is_keyword(n) || n.empty() || n[0] == '_' || dup)
                fields[i] = "_" + std::to_string(i);
            seen.push_back(fields[i]);
        }
    }
    std::vector<std::string> all = {typename_};
    all.insert(all.end(), fields.begin(), fields.end());
    for (auto& n : all) {
        if (!str_isidentifier(n)) raise_value_error("Type names and field names must be valid identifiers: " + str_repr(n));
        if (is_keyword(n)) raise_value_error("Type names and field names cannot be a keyword: " + str_repr(n));
    }
    std::vector<std::string> seen;
    for (auto& n : fields) {
        if (!rename && n[0] == '_') raise_value_error("Field names cannot start with an underscore: " + str_repr(n));
        if (std::find(seen.begin(), seen.end(), n) != seen.end())
            raise_value_error("Encountered duplicate field name: " + str_repr(n));
        seen.push_back(n);
    }
    std::vector<Value> dflt;
    if (!defaults.is_undefined() && !defaults.is_none()) {
        dflt = to_vector(in, defaults);
        if (dflt.size() > fields.size()) raise_type_error("Got more default values than field names");
    }

    Value ns_v(new Dict());
    Dict& ns = *as_dict(ns_v);
    ns.set_str("__name__", make_str(module));
    ns.set_str("_tuple_new", make_native("_tuple_new", tuple_new_for));
    ns.set_str("_tuplegetter", make_native("_tuplegetter", tuplegetter));
    Value field_defaults(new Dict());
    size_t first_default = fields.size() - dflt.size();
    for (size_t i = 0; i < dflt.size(); ++i) {
        ns.set_str("_dflt" + std::to_string(i), dflt[i]);
        as_dict(field_defaults)->set_str(fields[first_default + i], dflt[i]);
    }
    ns.set_str("_field_defaults_", field_defaults);

    std::string arg_list, params, fields_repr = "(", repr_fmt = "(";
    for (size_t i = 0; i < fields.size(); ++i) {
        const std::string& f = fields[i];
        arg_list += (i ? ", " : "") + f;
        params += ", " + f;
        if (i >= first_default) params += "=_dflt" + std::to_string(i - first_default);
        fields_repr += str_repr(f) + ", ";
        repr_fmt += (i ? ", " : "") + f + "=%r";
    }
    if (fields.size() == 1) arg_list += ",";
    if (fields.size() != 1 && !fields.empty()) fields_repr.resize(fields_repr.size() - 2);
    fields_repr += ")";
    repr_fmt += ")";
    std::string n = std::to_string(fields.size());
    std::string src = "class " + typename_ + "(tuple):\n"
        "    __slots__ = ()\n"
        "    _fields = " + fields_repr + "\n"
        "    _field_defaults = _field_defaults_\n"
        "    __match_args__ = " + fields_repr + "\n"
        "    def __new__(_cls" + params + "):\n"
        "        return _tuple_new(_cls, (" + arg_list + "))\n"
        "    @classmethod\n"
        "    def _make(cls, iterable):\n"
        "        result = _tuple_new(cls, iterable)\n"
        "        if len(result) != " + n + ":\n"
        "            raise TypeError(f'Expected " + n + " arguments, got {len(result)}')\n"
        "        return result\n"
        "    def _replace(self, /, **kwds):\n"
        "        result = self._make(map(kwds.pop, " + fields_repr + ", self))\n"
        "        if kwds:\n"
        "            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')\n"
        "        return result\n"
        "    def __repr__(self):\n"
        "        return self.__class__.__name__ + " + str_repr(repr_fmt) + " % self\n"
        "    def _asdict(self):\n"
        "        return dict(zip(self._fields, self))\n"
        "    def __getnewargs__(self):\n"
        "        return tuple(self)\n";
    for (size_t i = 0; i < fields.size(); ++i) src += "    " + fields[i] + " = _tuplegetter(" + std::to_string(i) + ")\n";
    exec_source(in, src, "<namedtuple " + typename_ + ">", &ns);
    Value cls = ns.get_str(typename_);
    cls.as<Type>()->dict->set_str("__doc__", make_str(typename_ + "(" + arg_list + ")"));
    return cls;
}

namespace {

// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
Value collections_namedtuple(Interp& in, const CallArgs& a) {
    Value v[5];
    const char* names[] = {"typename", "field_names", "rename", "defaults", "module"};
    if (a.nargs > 2) raise_type_error("namedtuple() takes 2 positional arguments but " + std::to_string(a.nargs) + " were given");
    for (size_t i = 0; i < a.nargs; ++i) v[i] = a[i];
    for (size_t k = 0; k < a.nkw; ++k) {
        size_t pos = 0;
        while (pos < 5 && a.kwnames[k]->s != names[pos]) ++pos;
        if (pos == 5) raise_type_error("namedtuple() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
        v[pos] = a.kwvalues[k];
    }
    for (size_t i = 0; i < 2; ++i)
        if (v[i].is_undefined())
            raise_type_error(std::string("namedtuple() missing required argument: '") + names[i] + "'");
    std::vector<std::string> fields;
    if (is_str(v[1])) {
        std::string s = v[1].as<Str>()->s;
        for (char& c : s)
            if (c == ',') c = ' ';
        size_t p = 0;
        while (p < s.size()) {
            size_t b = s.find_first_not_of(" \t\n\r\f\v", p);
            if (b == std::string::npos) break;
            size_t e = s.find_first_of(" \t\n\r\f\v", b);
            if (e == std::string::npos) e = s.size();
            fields.push_back(s.substr(b, e - b));
            p = e;
        }
    } else {
        for (auto& f : to_vector(in, v[1])) fields.push_back(str(in, f));
    }
    std::string typename_ = str(in, v[0]);
    std::string module;
    if (is_str(v[4])) module = v[4].as<Str>()->s;
    else {
        Frame* f = in.vm().current_frame();
        Value name = f ? f->globals->get_str("__name__") : Value();
        module = is_str(name) ? name.as<Str>()->s : "__main__";
    }
    return make_namedtuple(in, typename_, fields, !v[2].is_undefined() && truthy(in, v[2]), v[3], module);
}

}  // namespace

void install_namedtuple(Module& m) { def(m, "namedtuple", collections_namedtuple); }

}  // namespace looplab::py::stdlib
