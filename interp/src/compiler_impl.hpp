#pragma once
// The compiler's internal state, shared by compiler.cpp (statements) and
// compiler_expr.cpp (expressions).
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/compiler.hpp"
#include "looplab/py/symtable.hpp"

namespace looplab::py::detail {

using namespace ast;

// A statement that `return`/`break`/`continue` must unwind (compile.c's fblockinfo).
struct FBlock {
    enum Kind { loop, for_loop, async_for_loop, try_except, finally_try, finally_end, handler_cleanup, with, async_with } kind;
    const std::vector<StmtPtr>* finalbody = nullptr;  // finally_try
    uint32_t continue_target = 0;
    std::vector<uint32_t>* break_jumps = nullptr;
};

struct Unit {
    Ref<Code> code;
    SymbolTable* table;
    std::map<std::string, uint32_t> fast, cells, names, consts_str;
    std::vector<FBlock> fblocks;
    int line = 1;
    int depth = 0, max_depth = 0;
};

class Compiler {
public:
    Compiler(const SymbolTables& t, std::string_view filename, std::string_view source)
        : tables_(t), filename_(filename), source_(source) {}
    Ref<Code> module(const ast::Module& m);

    // ---- emission ----
    uint32_t emit(Op op, uint32_t arg = 0);
    uint32_t here() const { return uint32_t(u().code->code.size()); }
    void patch(uint32_t at, uint32_t target);  // set the argument of a jump
    uint32_t const_index(Value v);
    uint32_t name_index(std::string_view name);
    void load_const(Value v) { emit(Op::LOAD_CONST, const_index(std::move(v))); }
    void set_line(const Pos& p) { if (p.line) u().line = p.line; }
    // Records `p` as the column span of instruction `pc` (Code::columns: where a traceback's
    // ~~~^^^ line goes). Only for instructions whose CPython position is exactly that node's.
    void mark_columns(uint32_t pc, const Pos& p);
    [[noreturn]] void error(std::string msg, const Pos& pos);

    // ---- units ----
    Unit& u() { return *units_.back(); }
    const Unit& u() const { return *units_.back(); }
    void enter(const void* node, std::string name, std::string qualname, int firstline);
    Ref<Code> leave();
    std::string qualname_for(const std::string& name) const;

    // ---- names ----
    void load_name(const std::string& name, const Pos& pos);
    void store_name(const std::string& name, const Pos& pos);
    void delete_name(const std::string& name, const Pos& pos);

    // ---- statements (compiler.cpp) ----
    void stmt(const Stmt& s);
    void body(const std::vector<StmtPtr>& b);
    void function_def(const FunctionDef& f);
    void class_def(const ClassDef& c);
    void assign_target(const Expr& target);
    void for_stmt(const For& f);
    void while_stmt(const While& w);
    void if_stmt(const If& i);
    void with_stmt(const With& w, size_t item);
    void try_stmt(const Try& t);
    void try_except(const Try& t);
    void try_star(const Try& t);
    void try_finally(const Try& t);
    void raise_stmt(const Raise& r);
    void import_stmt(const Import& i);
    void import_from(const ImportFrom& i);
    void return_stmt(const Return& r);
    void break_stmt(const Stmt& s);
    void continue_stmt(const Stmt& s);
    void unwind_fblock(const FBlock& b, bool preserve_tos);
    void aug_assign(const AugAssign& a);
    void ann_assign(const AnnAssign& a);
    void delete_target(const Expr& t);

    // ---- expressions (compiler_expr.cpp) ----
    void expr(const Expr& e);
    void call(const Call& c);
    void compare(const Compare& c);
    void boolop(const BoolOp& b);
    void jump_if(const Expr& e, bool cond, std::vector<uint32_t>& jumps);  // jump when truthiness == cond
    void sequence(const std::vector<ExprPtr>& elts, Op build, Op extend, bool to_tuple);
    void dict_display(const ast::Dict& d);
    void comprehension(const Expr& e, const std::vector<Comprehension>& gens, const Expr* elt,
                       const Expr* value);
    void comprehension_loop(const Expr& e, const std::vector<Comprehension>& gens, size_t gen,
                            const Expr* elt, const Expr* value, int depth);
    void lambda(const Lambda& l);
    void make_function(const void* node, const Arguments& args, int firstline, const std::string& name,
                       bool is_lambda);
    void joined_str(const JoinedStr& j);
    void formatted_value(const FormattedValue& f);
    void await_expr(const Pos& pos);  // GET_AWAITABLE + AWAIT, checking we are in async code
    void unpack_target(const std::vector<ExprPtr>& elts, const Pos& pos);
    void subscript_slice(const Expr& slice);
    bool in_async_scope() const;

    // ---- constant set displays (compiler_fold.cpp, after ast_opt.c and compile.c) ----
    // The frozenset constant CPython folds the display `elts` into (undefined when an item
    // is not a constant). fold_iter: the iterable of for/comprehensions, the right of `in`.
    Value frozenset_constant(const std::vector<ExprPtr>& elts);
    void iterable(const Expr& e);
    bool interned_before_compile(std::string_view s);

    const SymbolTables& tables_;
    std::string filename_;
    std::string_view source_;
    std::vector<std::unique_ptr<Unit>> units_;
    std::vector<std::string> class_names_;  // enclosing classes, for qualnames
    std::map<std::string, std::vector<Value>> frozenset_items_;  // constant key -> first items
    std::set<std::string> identifiers_;  // NAME tokens of the module (the parser interns them)
    bool identifiers_scanned_ = false;
};

}  // namespace looplab::py::detail
