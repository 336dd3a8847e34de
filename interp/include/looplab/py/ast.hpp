// The scenario language's abstract syntax tree. It mirrors CPython 3.11's `ast` module
// (Parser/Python.asdl): same class names, same field names, same optional/list shapes, so a
// tree can be compared with what `ast.dump(ast.parse(src))` prints (see dump() below).
//
// Ownership: every child node is owned through std::unique_ptr; a Module owns the whole tree.
// Access pattern: switch on `kind`, then `static_cast<const ast::BinOp&>(e)` or `e.as<ast::BinOp>()`.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace looplab::py::ast {

// Source span. line/end_line are 1-based; col/end_col are 0-based byte offsets in the UTF-8
// line, like CPython's col_offset/end_col_offset.
struct Pos {
    int line = 0, col = 0, end_line = 0, end_col = 0;
};

enum class ExprKind : uint8_t {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
    GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

enum class StmtKind : uint8_t {
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
    AsyncFor, While, If, With, AsyncWith, Raise, Try, TryStar, Assert, Import, ImportFrom, Global,
    Nonlocal, ExprStmt, Pass, Break, Continue
};

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class Operator : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// Python spelling of the enumerators ("Add", "USub", "NotIn", ...), as ast.dump prints them.
const char* name(ExprKind k);
const char* name(StmtKind k);
const char* name(ExprContext c);
const char* name(BoolOpKind o);
const char* name(Operator o);
const char* name(UnaryOpKind o);
const char* name(CmpOp o);
// Source spelling of an operator ("+", "//", "not in", ...), for error messages.
const char* symbol(Operator o);
const char* symbol(CmpOp o);

// ---------------------------------------------------------------------------------------------
// Bases

struct Expr {
    ExprKind kind;
    Pos pos;
    virtual ~Expr() = default;

    template <class T> const T& as() const {
        assert(T::classof(kind));
        return static_cast<const T&>(*this);
    }
    template <class T> T& as() {
        assert(T::classof(kind));
        return static_cast<T&>(*this);
    }

protected:
    explicit Expr(ExprKind k) : kind(k) {}
};
using ExprPtr = std::unique_ptr<Expr>;

struct Stmt {
    StmtKind kind;
    Pos pos;
    virtual ~Stmt() = default;

    template <class T> const T& as() const {
        assert(T::classof(kind));
        return static_cast<const T&>(*this);
    }
    template <class T> T& as() {
        assert(T::classof(kind));
        return static_cast<T&>(*this);
    }

protected:
    explicit Stmt(StmtKind k) : kind(k) {}
};
using StmtPtr = std::unique_ptr<Stmt>;

// ---------------------------------------------------------------------------------------------
// Helper nodes (lower-case classes in Python's ast: arg, arguments, keyword, comprehension,
// excepthandler, withitem, alias).

struct Arg {
    std::string arg;
    ExprPtr annotation;  // null when absent
    Pos pos;
};

struct Arguments {
    std::vector<Arg> posonlyargs, args;
    std::optional<Arg> vararg;
    std::vector<Arg> kwonlyargs;
    std::vector<ExprPtr> kw_defaults;  // one per kwonlyarg; null where none
    std::optional<Arg> kwarg;
    std::vector<ExprPtr> defaults;     // for the LAST len(defaults) of posonlyargs+args
};

struct Keyword {
    std::optional<std::string> arg;  // nullopt for **kw
    ExprPtr value;
    Pos pos;
};

struct Comprehension {
    ExprPtr target, iter;
    std::vector<ExprPtr> ifs;
    bool is_async = false;
};

struct ExceptHandler {
    ExprPtr type;                     // null for a bare `except:`
    std::optional<std::string> name;  // `as name`
    std::vector<StmtPtr> body;
    Pos pos;
};

struct WithItem {
    ExprPtr context_expr;
    ExprPtr optional_vars;  // null when there is no `as`
};

struct Alias {
    std::string name;  // dotted for `import a.b`; "*" for `from x import *`
    std::optional<std::string> asname;
    Pos pos;
};

// ---------------------------------------------------------------------------------------------
// Constants

struct ConstValue {
    enum class Type : uint8_t { None, Bool, Int, Float, Str, Bytes, Ellipsis } type = Type::None;
    bool b = false;
    int64_t i = 0;
    double f = 0.0;
    std::string s;  // Str: UTF-8 text; Bytes: raw bytes
};

// ---------------------------------------------------------------------------------------------
// Expressions

#define LOOPLAB_AST_EXPR(NAME)                                                  \
    NAME() : Expr(ExprKind::NAME) {}                                            \
    static constexpr bool classof(ExprKind k) { return k == ExprKind::NAME; }

struct BoolOp : Expr {
    LOOPLAB_AST_EXPR(BoolOp)
    BoolOpKind op = BoolOpKind::And;
    std::vector<ExprPtr> values;
};
struct NamedExpr : Expr {
    LOOPLAB_AST_EXPR(NamedExpr)
    ExprPtr target, value;
};
struct BinOp : Expr {
    LOOPLAB_AST_EXPR(BinOp)
    ExprPtr left;
    Operator op = Operator::Add;
    ExprPtr right;
};
struct UnaryOp : Expr {
    LOOPLAB_AST_EXPR(UnaryOp)
    UnaryOpKind op = UnaryOpKind::Not;
    ExprPtr operand;
};
struct Lambda : Expr {
    LOOPLAB_AST_EXPR(Lambda)
    Arguments args;
    ExprPtr body;
};
struct IfExp : Expr {
    LOOPLAB_AST_EXPR(IfExp)
    ExprPtr test, body, orelse;
};
struct Dict : Expr {
    LOOPLAB_AST_EXPR(Dict)
    std::vector<ExprPtr> keys;  // null entry for `**d`
    std::vector<ExprPtr> values;
};
struct Set : Expr {
    LOOPLAB_AST_EXPR(Set)
    std::vector<ExprPtr> elts;
};
struct ListComp : Expr {
    LOOPLAB_AST_EXPR(ListComp)
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct SetComp : Expr {
    LOOPLAB_AST_EXPR(SetComp)
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct DictComp : Expr {
    LOOPLAB_AST_EXPR(DictComp)
    ExprPtr key, value;
    std::vector<Comprehension> generators;
};
struct GeneratorExp : Expr {
    LOOPLAB_AST_EXPR(GeneratorExp)
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct Await : Expr {
    LOOPLAB_AST_EXPR(Await)
    ExprPtr value;
};
struct Yield : Expr {
    LOOPLAB_AST_EXPR(Yield)
    ExprPtr value;  // may be null
};
struct YieldFrom : Expr {
    LOOPLAB_AST_EXPR(YieldFrom)
    ExprPtr value;
};
struct Compare : Expr {
    LOOPLAB_AST_EXPR(Compare)
    ExprPtr left;
    std::vector<CmpOp> ops;
    std::vector<ExprPtr> comparators;
};
struct Call : Expr {
    LOOPLAB_AST_EXPR(Call)
    ExprPtr func;
    std::vector<ExprPtr> args;
    std::vector<Keyword> keywords;
};
struct FormattedValue : Expr {
    LOOPLAB_AST_EXPR(FormattedValue)
    ExprPtr value;
    int conversion = -1;  // -1 (none), 's', 'r', 'a'
    ExprPtr format_spec;  // a JoinedStr or null
};
struct JoinedStr : Expr {
    LOOPLAB_AST_EXPR(JoinedStr)
    std::vector<ExprPtr> values;  // Constant (Str) and FormattedValue nodes
};
struct Constant : Expr {
    LOOPLAB_AST_EXPR(Constant)
    ConstValue value;
    std::string kind;  // "u" for a u-prefixed string literal (CPython's Constant.kind), else empty
};
struct Attribute : Expr {
    LOOPLAB_AST_EXPR(Attribute)
    ExprPtr value;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
    LOOPLAB_AST_EXPR(Subscript)
    ExprPtr value, slice;
    ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
    LOOPLAB_AST_EXPR(Starred)
    ExprPtr value;
    ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
    LOOPLAB_AST_EXPR(Name)
    std::string id;
    ExprContext ctx = ExprContext::Load;
};
struct List : Expr {
    LOOPLAB_AST_EXPR(List)
    std::vector<ExprPtr> elts;
    ExprContext ctx = ExprContext::Load;
};
struct Tuple : Expr {
    LOOPLAB_AST_EXPR(Tuple)
    std::vector<ExprPtr> elts;
    ExprContext ctx = ExprContext::Load;
};
struct Slice : Expr {
    LOOPLAB_AST_EXPR(Slice)
    ExprPtr lower, upper, step;  // each may be null
};
#undef LOOPLAB_AST_EXPR

// ---------------------------------------------------------------------------------------------
// Statements

#define LOOPLAB_AST_STMT(NAME)                                                  \
    NAME() : Stmt(StmtKind::NAME) {}                                            \
    static constexpr bool classof(StmtKind k) { return k == StmtKind::NAME; }
// One struct for a sync/async pair (FunctionDef/AsyncFunctionDef, For/AsyncFor, With/AsyncWith)
// and for Try/TryStar: `kind` tells which.
#define LOOPLAB_AST_STMT2(NAME, OTHER)                                                  \
    explicit NAME(StmtKind k = StmtKind::NAME) : Stmt(k) {}                             \
    static constexpr bool classof(StmtKind k) {                                         \
        return k == StmtKind::NAME || k == StmtKind::OTHER;                             \
    }

struct FunctionDef : Stmt {  // FunctionDef and AsyncFunctionDef
    LOOPLAB_AST_STMT2(FunctionDef, AsyncFunctionDef)
    std::string name;
    Arguments args;
    std::vector<StmtPtr> body;
    std::vector<ExprPtr> decorator_list;
    ExprPtr returns;  // may be null
};
struct ClassDef : Stmt {
    LOOPLAB_AST_STMT(ClassDef)
    std::string name;
    std::vector<ExprPtr> bases;
    std::vector<Keyword> keywords;
    std::vector<StmtPtr> body;
    std::vector<ExprPtr> decorator_list;
};
struct Return : Stmt {
    LOOPLAB_AST_STMT(Return)
    ExprPtr value;  // may be null
};
struct Delete : Stmt {
    LOOPLAB_AST_STMT(Delete)
    std::vector<ExprPtr> targets;
};
struct Assign : Stmt {
    LOOPLAB_AST_STMT(Assign)
    std::vector<ExprPtr> targets;  // `a = b = v` has two targets
    ExprPtr value;
};
struct AugAssign : Stmt {
    LOOPLAB_AST_STMT(AugAssign)
    ExprPtr target;
    Operator op = Operator::Add;
    ExprPtr value;
};
struct AnnAssign : Stmt {
    LOOPLAB_AST_STMT(AnnAssign)
    ExprPtr target, annotation;
    ExprPtr value;  // may be null
    bool simple = false;  // target is a plain Name not in parentheses
};
struct For : Stmt {  // For and AsyncFor
    LOOPLAB_AST_STMT2(For, AsyncFor)
    ExprPtr target, iter;
    std::vector<StmtPtr> body, orelse;
};
struct While : Stmt {
    LOOPLAB_AST_STMT(While)
    ExprPtr test;
    std::vector<StmtPtr> body, orelse;
};
struct If : Stmt {  // elif is a nested If as the only statement of orelse
    LOOPLAB_AST_STMT(If)
    ExprPtr test;
    std::vector<StmtPtr> body, orelse;
};
struct With : Stmt {  // With and AsyncWith
    LOOPLAB_AST_STMT2(With, AsyncWith)
    std::vector<WithItem> items;
    std::vector<StmtPtr> body;
};
struct Raise : Stmt {
    LOOPLAB_AST_STMT(Raise)
    ExprPtr exc, cause;  // both may be null
};
struct Try : Stmt {  // Try and TryStar
    LOOPLAB_AST_STMT2(Try, TryStar)
    std::vector<StmtPtr> body;
    std::vector<ExceptHandler> handlers;
    std::vector<StmtPtr> orelse, finalbody;
};
struct Assert : Stmt {
    LOOPLAB_AST_STMT(Assert)
    ExprPtr test, msg;  // msg may be null
};
struct Import : Stmt {
    LOOPLAB_AST_STMT(Import)
    std::vector<Alias> names;
};
struct ImportFrom : Stmt {
    LOOPLAB_AST_STMT(ImportFrom)
    std::string module;  // empty for `from . import x`
    std::vector<Alias> names;
    int level = 0;       // number of leading dots
};
struct Global : Stmt {
    LOOPLAB_AST_STMT(Global)
    std::vector<std::string> names;
};
struct Nonlocal : Stmt {
    LOOPLAB_AST_STMT(Nonlocal)
    std::vector<std::string> names;
};
struct ExprStmt : Stmt {  // Python's ast.Expr
    LOOPLAB_AST_STMT(ExprStmt)
    ExprPtr value;
};
struct Pass : Stmt {
    LOOPLAB_AST_STMT(Pass)
};
struct Break : Stmt {
    LOOPLAB_AST_STMT(Break)
};
struct Continue : Stmt {
    LOOPLAB_AST_STMT(Continue)
};
#undef LOOPLAB_AST_STMT
#undef LOOPLAB_AST_STMT2

struct Module {
    std::vector<StmtPtr> body;
};

// Python's ast.dump(node) (3.11, default arguments: no attributes, no indent), e.g.
// "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])". Used by tests to
// compare whole trees with what CPython prints. include_attributes adds the positions
// (lineno, col_offset, end_lineno, end_col_offset) like ast.dump(node, include_attributes=True).
std::string dump(const Module& m, bool include_attributes = false);
std::string dump(const Stmt& s, bool include_attributes = false);
std::string dump(const Expr& e, bool include_attributes = false);

}  // namespace looplab::py::ast
