// Enumerator names and ast.dump() for the scenario AST (interp/include/looplab/py/ast.hpp).
// dump() reproduces Lib/ast.py's dump() of CPython 3.11 with default arguments: fields in
// _fields order, optional fields (class default None) left out when None, lists always shown,
// Constant values printed with Python's repr.
#include "looplab/py/ast.hpp"

#include "looplab/py/scanner.hpp"  // utf8 helpers for repr()

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace looplab::py::ast {

const char* name(ExprKind k) {
    static const char* const names[] = {
        "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
        "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
        "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
        "List", "Tuple", "Slice"};
    return names[static_cast<int>(k)];
}
const char* name(StmtKind k) {
    static const char* const names[] = {
        "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
        "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Raise", "Try",
        "TryStar", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass",
        "Break", "Continue"};
    return names[static_cast<int>(k)];
}
const char* name(ExprContext c) {
    static const char* const names[] = {"Load", "Store", "Del"};
    return names[static_cast<int>(c)];
}
const char* name(BoolOpKind o) { return o == BoolOpKind::And ? "And" : "Or"; }
const char* name(Operator o) {
    static const char* const names[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                        "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                        "BitXor", "BitAnd", "FloorDiv"};
    return names[static_cast<int>(o)];
}
const char* name(UnaryOpKind o) {
    static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(o)];
}
const char* name(CmpOp o) {
    static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                        "GtE", "Is", "IsNot", "In", "NotIn"};
    return names[static_cast<int>(o)];
}
const char* symbol(Operator o) {
    static const char* const names[] = {"+", "-", "*", "@", "/", "%", "**",
                                        "<<", ">>", "|", "^", "&", "//"};
    return names[static_cast<int>(o)];
}
const char* symbol(CmpOp o) {
    static const char* const names[] = {"==", "!=", "<", "<=", ">", ">=",
                                        "is", "is not", "in", "not in"};
    return names[static_cast<int>(o)];
}

namespace {

// Python's repr() of a float ('r' format, Python/pystrtod.c): shortest round-trip digits,
// exponent notation when the decimal point position is <= -4 or > 16.
void float_repr(std::string& out, double v) {
    if (v != v) { out += "nan"; return; }
    if (v == 1.0 / 0.0) { out += "inf"; return; }
    if (v == -1.0 / 0.0) { out += "-inf"; return; }
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    std::string sign;
    if (sci[0] == '-') { sign = "-"; sci.erase(0, 1); }
    size_t e = sci.find('e');
    std::string digits = sci.substr(0, e);
    int exp = std::atoi(sci.c_str() + e + 1);
    if (digits.size() > 1) digits.erase(1, 1);  // drop the '.'
    int decpt = exp + 1;
    out += sign;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out += "0.";
            out.append(size_t(-decpt), '0');
            out += digits;
        } else if (size_t(decpt) >= digits.size()) {
            out += digits;
            out.append(size_t(decpt) - digits.size(), '0');
            out += ".0";
        } else {
            out += digits.substr(0, size_t(decpt));
            out += '.';
            out += digits.substr(size_t(decpt));
        }
    } else {
        out += digits[0];
        if (digits.size() > 1) { out += '.'; out += digits.substr(1); }
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
}

// repr() of str / bytes (Objects/unicodeobject.c unicode_repr, Objects/bytesobject.c
// PyBytes_Repr): single quotes unless the text has ' and no ". Non-ASCII text is kept as is
// (the tests' Chinese/Ukrainian letters are printable).
void str_repr(std::string& out, const std::string& s, bool bytes) {
    bool has_sq = s.find('\'') != std::string::npos, has_dq = s.find('"') != std::string::npos;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (bytes) out += 'b';
    out += q;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char b[16];
        if (c == q || c == '\\') { out += '\\'; out += char(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else if (c >= 0x80 && utf8::sequence_length(s, i) > 0) {
            // Non-ASCII: kept unless not printable (then \xhh, \uhhhh or \Uhhhhhhhh, as repr).
            size_t n = utf8::sequence_length(s, i);
            char32_t cp = utf8::decode(s, i);
            if (utf8::is_printable(cp)) {
                out.append(s, i, n);
            } else {
                std::snprintf(b, sizeof b, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x",
                              unsigned(cp));
                out += b;
            }
            i += n - 1;
        } else out += char(c);
    }
    out += q;
}

struct Dumper {
    std::string out;
    bool attrs = false;  // ast.dump(include_attributes=True)

    void pos(const Pos& p) {
        if (!attrs) return;
        if (!first) out += ", ";
        first = false;
        out += "lineno=" + std::to_string(p.line) + ", col_offset=" + std::to_string(p.col) +
               ", end_lineno=" + std::to_string(p.end_line) + ", end_col_offset=" + std::to_string(p.end_col);
    }

    void constant(const ConstValue& v) {
        switch (v.type) {
        case ConstValue::Type::None: out += "None"; break;
        case ConstValue::Type::Bool: out += v.b ? "True" : "False"; break;
        case ConstValue::Type::Int: out += std::to_string(v.i); break;
        case ConstValue::Type::Float: float_repr(out, v.f); break;
        case ConstValue::Type::Str: str_repr(out, v.s, false); break;
        case ConstValue::Type::Bytes: str_repr(out, v.s, true); break;
        case ConstValue::Type::Ellipsis: out += "Ellipsis"; break;
        }
    }

    // Field helpers: `sep` tracks whether a ", " is needed before the next field.
    bool first = true;
    void field(const char* n) {
        if (!first) out += ", ";
        first = false;
        out += n;
        out += '=';
    }
    void open(const char* cls) {
        out += cls;
        out += '(';
        first = true;
    }
    void close() {
        out += ')';
        first = false;
    }
    void str(const char* n, const std::string& s) {
        field(n);
        str_repr(out, s, false);
    }
    void ctx(ExprContext c) {
        field("ctx");
        out += name(c);
        out += "()";
    }
    void expr(const char* n, const ExprPtr& e, bool optional) {
        if (!e && optional) return;
        field(n);
        if (e) expr(*e); else out += "None";
    }
    void exprs(const char* n, const std::vector<ExprPtr>& v) {
        field(n);
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            if (v[i]) expr(*v[i]); else out += "None";
        }
        out += ']';
    }
    void stmts(const char* n, const std::vector<StmtPtr>& v) {
        field(n);
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            stmt(*v[i]);
        }
        out += ']';
    }
    template <class T, class F> void list(const char* n, const std::vector<T>& v, F f) {
        field(n);
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            first = true;
            f(v[i]);
        }
        out += ']';
        first = false;
    }
    void arg(const Arg& a) {
        open("arg");
        str("arg", a.arg);
        expr("annotation", a.annotation, true);
        pos(a.pos);
        close();
    }
    void arguments(const Arguments& a) {
        open("arguments");
        list("posonlyargs", a.posonlyargs, [&](const Arg& x) { arg(x); });
        list("args", a.args, [&](const Arg& x) { arg(x); });
        if (a.vararg) { field("vararg"); arg(*a.vararg); }
        list("kwonlyargs", a.kwonlyargs, [&](const Arg& x) { arg(x); });
        exprs("kw_defaults", a.kw_defaults);
        if (a.kwarg) { field("kwarg"); arg(*a.kwarg); }
        exprs("defaults", a.defaults);
        close();
    }
    void keywords(const std::vector<Keyword>& v) {
        list("keywords", v, [&](const Keyword& k) {
            open("keyword");
            if (k.arg) str("arg", *k.arg);
            expr("value", k.value, false);
            pos(k.pos);
            close();
        });
    }
    void generators(const std::vector<Comprehension>& v) {
        list("generators", v, [&](const Comprehension& c) {
            open("comprehension");
            expr("target", c.target, false);
            expr("iter", c.iter, false);
            exprs("ifs", c.ifs);
            field("is_async");
            out += c.is_async ? "1" : "0";
            close();
        });
    }

    void expr(const Expr& e) {
        bool saved = first;
        open(name(e.kind));
        switch (e.kind) {
        case ExprKind::BoolOp: {
            auto& n = e.as<BoolOp>();
            field("op"); out += name(n.op); out += "()";
            exprs("values", n.values);
            break;
        }
        case ExprKind::NamedExpr: {
            auto& n = e.as<NamedExpr>();
            expr("target", n.target, false);
            expr("value", n.value, false);
            break;
        }
        case ExprKind::BinOp: {
            auto& n = e.as<BinOp>();
            expr("left", n.left, false);
            field("op"); out += name(n.op); out += "()";
            expr("right", n.right, false);
            break;
        }
        case ExprKind::UnaryOp: {
            auto& n = e.as<UnaryOp>();
            field("op"); out += name(n.op); out += "()";
            expr("operand", n.operand, false);
            break;
        }
        case ExprKind::Lambda: {
            auto& n = e.as<Lambda>();
            field("args"); arguments(n.args);
            expr("body", n.body, false);
            break;
        }
        case ExprKind::IfExp: {
            auto& n = e.as<IfExp>();
            expr("test", n.test, false);
            expr("body", n.body, false);
            expr("orelse", n.orelse, false);
            break;
        }
        case ExprKind::Dict: {
            auto& n = e.as<Dict>();
            exprs("keys", n.keys);
            exprs("values", n.values);
            break;
        }
        case ExprKind::Set: exprs("elts", e.as<Set>().elts); break;
        case ExprKind::ListComp: {
            auto& n = e.as<ListComp>();
            expr("elt", n.elt, false);
            generators(n.generators);
            break;
        }
        case ExprKind::SetComp: {
            auto& n = e.as<SetComp>();
            expr("elt", n.elt, false);
            generators(n.generators);
            break;
        }
        case ExprKind::GeneratorExp: {
            auto& n = e.as<GeneratorExp>();
            expr("elt", n.elt, false);
            generators(n.generators);
            break;
        }
        case ExprKind::DictComp: {
            auto& n = e.as<DictComp>();
            expr("key", n.key, false);
            expr("value", n.value, false);
            generators(n.generators);
            break;
        }
        case ExprKind::Await: expr("value", e.as<Await>().value, false); break;
        case ExprKind::Yield: expr("value", e.as<Yield>().value, true); break;
        case ExprKind::YieldFrom: expr("value", e.as<YieldFrom>().value, false); break;
        case ExprKind::Compare: {
            auto& n = e.as<Compare>();
            expr("left", n.left, false);
            field("ops");
            out += '[';
            for (size_t i = 0; i < n.ops.size(); ++i) {
                if (i) out += ", ";
                out += name(n.ops[i]);
                out += "()";
            }
            out += ']';
            exprs("comparators", n.comparators);
            break;
        }
        case ExprKind::Call: {
            auto& n = e.as<Call>();
            expr("func", n.func, false);
            exprs("args", n.args);
            keywords(n.keywords);
            break;
        }
        case ExprKind::FormattedValue: {
            auto& n = e.as<FormattedValue>();
            expr("value", n.value, false);
            field("conversion");
            out += std::to_string(n.conversion);
            expr("format_spec", n.format_spec, true);
            break;
        }
        case ExprKind::JoinedStr: exprs("values", e.as<JoinedStr>().values); break;
        case ExprKind::Constant: {
            auto& n = e.as<Constant>();
            field("value");
            constant(n.value);
            if (!n.kind.empty()) str("kind", n.kind);
            break;
        }
        case ExprKind::Attribute: {
            auto& n = e.as<Attribute>();
            expr("value", n.value, false);
            str("attr", n.attr);
            ctx(n.ctx);
            break;
        }
        case ExprKind::Subscript: {
            auto& n = e.as<Subscript>();
            expr("value", n.value, false);
            expr("slice", n.slice, false);
            ctx(n.ctx);
            break;
        }
        case ExprKind::Starred: {
            auto& n = e.as<Starred>();
            expr("value", n.value, false);
            ctx(n.ctx);
            break;
        }
        case ExprKind::Name: {
            auto& n = e.as<Name>();
            str("id", n.id);
            ctx(n.ctx);
            break;
        }
        case ExprKind::List: {
            auto& n = e.as<List>();
            exprs("elts", n.elts);
            ctx(n.ctx);
            break;
        }
        case ExprKind::Tuple: {
            auto& n = e.as<Tuple>();
            exprs("elts", n.elts);
            ctx(n.ctx);
            break;
        }
        case ExprKind::Slice: {
            auto& n = e.as<Slice>();
            expr("lower", n.lower, true);
            expr("upper", n.upper, true);
            expr("step", n.step, true);
            break;
        }
        }
        pos(e.pos);
        close();
        first = saved;
    }

    void stmt(const Stmt& s) {
        bool saved = first;
        open(name(s.kind));
        switch (s.kind) {
        case StmtKind::FunctionDef:
        case StmtKind::AsyncFunctionDef: {
            auto& n = s.as<FunctionDef>();
            str("name", n.name);
            field("args"); arguments(n.args);
            stmts("body", n.body);
            exprs("decorator_list", n.decorator_list);
            expr("returns", n.returns, true);
            break;
        }
        case StmtKind::ClassDef: {
            auto& n = s.as<ClassDef>();
            str("name", n.name);
            exprs("bases", n.bases);
            keywords(n.keywords);
            stmts("body", n.body);
            exprs("decorator_list", n.decorator_list);
            break;
        }
        case StmtKind::Return: expr("value", s.as<Return>().value, true); break;
        case StmtKind::Delete: exprs("targets", s.as<Delete>().targets); break;
        case StmtKind::Assign: {
            auto& n = s.as<Assign>();
            exprs("targets", n.targets);
            expr("value", n.value, false);
            break;
        }
        case StmtKind::AugAssign: {
            auto& n = s.as<AugAssign>();
            expr("target", n.target, false);
            field("op"); out += name(n.op); out += "()";
            expr("value", n.value, false);
            break;
        }
        case StmtKind::AnnAssign: {
            auto& n = s.as<AnnAssign>();
            expr("target", n.target, false);
            expr("annotation", n.annotation, false);
            expr("value", n.value, true);
            field("simple");
            out += n.simple ? "1" : "0";
            break;
        }
        case StmtKind::For:
        case StmtKind::AsyncFor: {
            auto& n = s.as<For>();
            expr("target", n.target, false);
            expr("iter", n.iter, false);
            stmts("body", n.body);
            stmts("orelse", n.orelse);
            break;
        }
        case StmtKind::While: {
            auto& n = s.as<While>();
            expr("test", n.test, false);
            stmts("body", n.body);
            stmts("orelse", n.orelse);
            break;
        }
        case StmtKind::If: {
            auto& n = s.as<If>();
            expr("test", n.test, false);
            stmts("body", n.body);
            stmts("orelse", n.orelse);
            break;
        }
        case StmtKind::With:
        case StmtKind::AsyncWith: {
            auto& n = s.as<With>();
            list("items", n.items, [&](const WithItem& w) {
                open("withitem");
                expr("context_expr", w.context_expr, false);
                expr("optional_vars", w.optional_vars, true);
                close();
            });
            stmts("body", n.body);
            break;
        }
        case StmtKind::Raise: {
            auto& n = s.as<Raise>();
            expr("exc", n.exc, true);
            expr("cause", n.cause, true);
            break;
        }
        case StmtKind::Try:
        case StmtKind::TryStar: {
            auto& n = s.as<Try>();
            stmts("body", n.body);
            list("handlers", n.handlers, [&](const ExceptHandler& h) {
                open("ExceptHandler");
                expr("type", h.type, true);
                if (h.name) str("name", *h.name);
                stmts("body", h.body);
                pos(h.pos);
                close();
            });
            stmts("orelse", n.orelse);
            stmts("finalbody", n.finalbody);
            break;
        }
        case StmtKind::Assert: {
            auto& n = s.as<Assert>();
            expr("test", n.test, false);
            expr("msg", n.msg, true);
            break;
        }
        case StmtKind::Import:
        case StmtKind::ImportFrom: {
            const std::vector<Alias>* names;
            if (s.kind == StmtKind::Import) {
                names = &s.as<Import>().names;
            } else {
                auto& n = s.as<ImportFrom>();
                if (!n.module.empty()) str("module", n.module);
                names = &n.names;
            }
            list("names", *names, [&](const Alias& a) {
                open("alias");
                str("name", a.name);
                if (a.asname) str("asname", *a.asname);
                pos(a.pos);
                close();
            });
            if (s.kind == StmtKind::ImportFrom) {
                field("level");
                out += std::to_string(s.as<ImportFrom>().level);
            }
            break;
        }
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            auto& v = s.kind == StmtKind::Global ? s.as<Global>().names : s.as<Nonlocal>().names;
            list("names", v, [&](const std::string& x) { str_repr(out, x, false); });
            break;
        }
        case StmtKind::ExprStmt: expr("value", s.as<ExprStmt>().value, false); break;
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue: break;
        }
        pos(s.pos);
        close();
        first = saved;
    }
};

}  // namespace

std::string dump(const Module& m, bool include_attributes) {
    Dumper d;
    d.attrs = include_attributes;
    d.open("Module");
    d.stmts("body", m.body);
    d.out += ", type_ignores=[])";
    return std::move(d.out);
}
std::string dump(const Stmt& s, bool include_attributes) {
    Dumper d;
    d.attrs = include_attributes;
    d.stmt(s);
    return std::move(d.out);
}
std::string dump(const Expr& e, bool include_attributes) {
    Dumper d;
    d.attrs = include_attributes;
    d.expr(e);
    return std::move(d.out);
}

}  // namespace looplab::py::ast
