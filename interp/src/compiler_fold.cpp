// Constant set displays, as CPython 3.11 compiles them (Python/ast_opt.c, compile.c,
// Objects/codeobject.c). They matter because a folded display iterates in the order of a
// frozenset built at compile time, not in the order of one-by-one insertion:
//  - starunpack_helper folds a display of 3+ constants into BUILD_SET 0, LOAD_CONST
//    frozenset, SET_UPDATE 1 (so `{5, 3, 17, 33, 1}` is set_merge of that frozenset);
//  - fold_iter turns a constant display of any size into a frozenset constant when it is
//    what a `for` loop or a comprehension iterates over, or the right side of `in`;
//  - merge_consts_recursive re-creates the frozenset from its own iteration order (equal
//    frozensets share the first one made), and intern_string_constants re-creates it once
//    more when interning replaced one of its strs.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "compiler_impl.hpp"
#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/scanner.hpp"
#include "looplab/py/set.hpp"

namespace looplab::py::detail {

namespace {

// The name-like strs CPython had interned when the runner compiled a scenario, sorted
// (tools/gen_interned_names.py).
constexpr const char kInternedNames[] =
#include "interned_names.inc"
    ;

const std::vector<std::string_view>& interned_names() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        std::string_view all(kInternedNames);
        size_t start = 0;
        while (start < all.size()) {
            size_t end = all.find(' ', start);
            if (end == std::string_view::npos) end = all.size();
            if (end > start) out.push_back(all.substr(start, end - start));
            start = end + 1;
        }
        std::sort(out.begin(), out.end());
        return out;
    }();
    return names;
}

// codeobject.c all_name_chars: only such strs are interned by intern_string_constants.
// "" is a singleton, never replaced; one-character strs are singletons too, replaced only
// when another object was interned for them (the table lists those).
bool name_like(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

Value constant_of(const ConstValue& c) {
    switch (c.type) {
        case ConstValue::Type::None: return Value::none();
        case ConstValue::Type::Bool: return Value::boolean(c.b);
        case ConstValue::Type::Int: return Value::integer(c.i);
        case ConstValue::Type::Float: return Value::floating(c.f);
        case ConstValue::Type::Str: return make_str(c.s);
        case ConstValue::Type::Bytes: return Value(new Bytes(c.s));
        case ConstValue::Type::Ellipsis: return ellipsis();
    }
    return Value::none();
}

int bit_length(int64_t v) {
    uint64_t m = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
    int n = 0;
    for (; m; m >>= 1) ++n;
    return n;
}

std::optional<Value> folded(Interp& in, const Expr& e);

// ast_opt.c fold_binop: both operands constants, and the result small (safe_multiply,
// safe_power, safe_lshift, safe_mod's limits: MAX_INT_SIZE 128 bits, MAX_COLLECTION_SIZE
// 256 items, MAX_STR_SIZE 4096); an operation that raises is left to run time.
std::optional<Value> folded_binop(Interp& in, const BinOp& b) {
    std::optional<Value> l = folded(in, *b.left);
    if (!l) return std::nullopt;
    std::optional<Value> r = folded(in, *b.right);
    if (!r) return std::nullopt;
    const Value& v = *l;
    const Value& w = *r;
    constexpr int kMaxIntSize = 128;
    constexpr int64_t kMaxCollection = 256, kMaxStr = 4096;
    auto sized = [](const Value& x) -> int64_t {
        if (is_str(x)) {  // code points
            int64_t n = 0;
            for (unsigned char c : x.as<Str>()->s) n += (c & 0xC0) != 0x80;
            return n;
        }
        if (x.is_object() && x.type() == types().bytes) return int64_t(x.as<Bytes>()->b.size());
        if (x.is_object() && x.type() == types().tuple) return int64_t(x.as<py::Tuple>()->items.size());
        return -1;
    };
    switch (b.op) {
        case Operator::Mult: {
            const Value& seq = sized(v) >= 0 ? v : w;
            const Value& n = sized(v) >= 0 ? w : v;
            if (sized(seq) > 0 && n.is_intlike()) {
                const int64_t limit = seq.type() == types().tuple ? kMaxCollection : kMaxStr;
                if (n.as_int() < 0 || n.as_int() > limit / sized(seq)) return std::nullopt;
            }
            break;
        }
        case Operator::Pow:
            if (v.is_intlike() && w.is_intlike() && v.as_int() != 0 && w.as_int() > 0 &&
                bit_length(v.as_int()) > kMaxIntSize / w.as_int())
                return std::nullopt;
            break;
        case Operator::LShift:
            if (v.is_intlike() && w.is_intlike() && v.as_int() != 0 && w.as_int() != 0 &&
                (w.as_int() < 0 || w.as_int() > kMaxIntSize || bit_length(v.as_int()) > kMaxIntSize - w.as_int()))
                return std::nullopt;
            break;
        case Operator::Mod:
            if (is_str(v) || (v.is_object() && v.type() == types().bytes)) return std::nullopt;
            break;
        case Operator::MatMult: return std::nullopt;
        default: break;
    }
    try {
        return binary_op(in, v, w, b.op);
    } catch (const PyErrorBase&) {
        return std::nullopt;
    }
}

// What ast_opt.c makes a Constant: literals, unary operators on numeric constants
// (fold_unaryop), binary operators on constants (fold_binop) and tuples of constants
// (fold_tuple).
std::optional<Value> folded(Interp& in, const Expr& e) {
    if (e.kind == ExprKind::Constant) return constant_of(e.as<Constant>().value);
    if (e.kind == ExprKind::BinOp) return folded_binop(in, e.as<BinOp>());
    if (e.kind == ExprKind::UnaryOp) {
        const auto& u = e.as<UnaryOp>();
        std::optional<Value> v = folded(in, *u.operand);
        if (!v) return std::nullopt;
        const bool intlike = v->is_intlike();
        switch (u.op) {
            case UnaryOpKind::USub:
                if (intlike && v->as_int() != INT64_MIN) return Value::integer(-v->as_int());
                if (v->is_float()) return Value::floating(-v->as_float());
                return std::nullopt;
            case UnaryOpKind::UAdd:
                if (intlike) return Value::integer(v->as_int());
                if (v->is_float()) return *v;
                return std::nullopt;
            case UnaryOpKind::Invert:
                if (intlike) return Value::integer(~v->as_int());
                return std::nullopt;
            case UnaryOpKind::Not:
                if (v->is_none()) return Value::boolean(true);
                if (intlike) return Value::boolean(v->as_int() == 0);
                if (v->is_float()) return Value::boolean(v->as_float() == 0.0);
                return std::nullopt;
        }
        return std::nullopt;
    }
    if (e.kind == ExprKind::Tuple) {
        std::vector<Value> items;
        for (const auto& elt : e.as<ast::Tuple>().elts) {
            std::optional<Value> v = folded(in, *elt);
            if (!v) return std::nullopt;
            items.push_back(std::move(*v));
        }
        return make_tuple(std::move(items));
    }
    return std::nullopt;
}

// _PyCode_ConstantKey, as a string: equal keys mean merge_consts_recursive merges the
// constants (1, 1.0 and True stay apart; so do 0.0 and -0.0).
std::string constant_key(const Value& v) {
    if (v.is_none()) return "N";
    if (v.is_bool()) return v.as_bool() ? "T" : "F";
    if (v.is_int()) return "i" + std::to_string(v.as_int());
    if (v.is_float()) {
        uint64_t bits;
        const double d = v.as_float();
        std::memcpy(&bits, &d, sizeof bits);
        return "f" + std::to_string(bits);
    }
    if (is_str(v)) return "s" + std::to_string(v.as<Str>()->s.size()) + ":" + v.as<Str>()->s;
    if (v.is_object() && v.type() == types().bytes) {
        const std::string& b = v.as<Bytes>()->b;
        return "b" + std::to_string(b.size()) + ":" + b;
    }
    if (v.is_object() && v.type() == types().tuple) {
        std::string out = "(";
        for (const Value& item : v.as<py::Tuple>()->items) out += constant_key(item) + ",";
        return out + ")";
    }
    return "E";  // Ellipsis
}

}  // namespace

// PyUnicode_InternInPlace would replace the parser's str `s` by another object: CPython
// had interned an equal str before compiling, or the parser interned it as an identifier.
bool Compiler::interned_before_compile(std::string_view s) {
    if (!identifiers_scanned_) {
        identifiers_scanned_ = true;
        try {
            const std::string text = Scanner::normalize_source(source_, filename_);
            Scanner sc(text);
            for (Token t = sc.next(); t.type != TokType::EndMarker; t = sc.next())
                if (t.type == TokType::Name && !is_keyword(t.text)) identifiers_.insert(std::string(t.text));
        } catch (const ParseError&) {
            // The module parsed, so the scanner cannot fail; if it did, keep what was seen.
        }
    }
    // The parser's identifiers are interned as they are, which for one character is the
    // singleton the literal is too: only longer ones replace a literal.
    if (s.size() > 1 && identifiers_.count(std::string(s))) return true;
    const auto& names = interned_names();
    return std::binary_search(names.begin(), names.end(), s);
}

Value Compiler::frozenset_constant(const std::vector<ExprPtr>& elts) {
    Interp* in = Interp::current_or_null();
    if (!in || elts.empty()) return Value();
    std::vector<Value> items;
    for (const auto& e : elts) {
        std::optional<Value> v = folded(*in, *e);
        if (!v) return Value();
        items.push_back(std::move(*v));
    }
    // merge_consts_recursive: an equal frozenset made earlier in this module is reused.
    std::vector<std::string> keys;
    for (const Value& v : items) keys.push_back(constant_key(v));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string key;
    for (const std::string& k : keys) key += k + "|";
    auto [it, added] = frozenset_items_.try_emplace(key, items);
    const std::vector<Value>& source_order = it->second;
    bool reinterned = false;
    for (const Value& v : source_order) {
        // intern_string_constants only looks at the frozenset's own strs (a tuple inside
        // it is interned in place without re-creating the frozenset).
        if (is_str(v) && name_like(v.as<Str>()->s) && interned_before_compile(v.as<Str>()->s)) reinterned = true;
    }
    return make_frozenset_constant(*in, source_order, reinterned);
}

void Compiler::iterable(const Expr& e) {
    if (e.kind == ExprKind::Set) {
        Value folded = frozenset_constant(e.as<ast::Set>().elts);
        if (!folded.is_undefined()) {
            set_line(e.pos);
            load_const(std::move(folded));
            return;
        }
    }
    expr(e);
}

}  // namespace looplab::py::detail
