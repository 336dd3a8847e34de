// AST -> bytecode: units, names and statements (CPython Python/compile.c). Expressions are
// in compiler_expr.cpp. Exception handling uses a block stack (SETUP_FINALLY/POP_BLOCK, as
// CPython did up to 3.10); `finally` bodies are compiled twice (normal and exceptional
// path) and inlined before `return`/`break`/`continue`, as CPython does.
#include "compiler_impl.hpp"

#include "looplab/py/dict.hpp"

namespace looplab::py {

using namespace detail;

namespace detail {

uint32_t Compiler::emit(Op op, uint32_t arg) {
    auto& c = *u().code;
    c.code.push_back(encode(op, arg));
    c.lines.push_back(u().line);
    return uint32_t(c.code.size() - 1);
}

void Compiler::mark_columns(uint32_t pc, const Pos& p) {
    // The span must start on the instruction's own line: the caret line goes under that one.
    // (UnaryOp marks the next instruction before emitting it, hence pc == size.)
    const auto& lines = u().code->lines;
    if (!p.line || (pc < lines.size() ? lines[pc] : u().line) != p.line) return;
    u().code->columns.push_back(Code::ColumnEntry{pc, ColumnSpan{p.col, p.end_line, p.end_col}});
}

void Compiler::patch(uint32_t at, uint32_t target) {
    auto& ins = u().code->code[at];
    ins = encode(op_of(ins), target);
}

uint32_t Compiler::const_index(Value v) {
    auto& c = *u().code;
    if (is_str(v)) {
        auto& key = v.as<Str>()->s;
        auto it = u().consts_str.find(key);
        if (it != u().consts_str.end()) return it->second;
        c.consts.push_back(v);
        return u().consts_str[key] = uint32_t(c.consts.size() - 1);
    }
    for (size_t i = 0; i < c.consts.size(); ++i) {
        const Value& k = c.consts[i];
        if (k.tag() == v.tag() && k.tag() != Value::Tag::object && k.is(v)) return uint32_t(i);
    }
    c.consts.push_back(std::move(v));
    return uint32_t(c.consts.size() - 1);
}

uint32_t Compiler::name_index(std::string_view name) {
    auto it = u().names.find(std::string(name));
    if (it != u().names.end()) return it->second;
    u().code->names.push_back(intern(name));
    return u().names[std::string(name)] = uint32_t(u().code->names.size() - 1);
}

void Compiler::error(std::string msg, const Pos& pos) {
    SyntaxErrorInfo info;
    info.message = std::move(msg);
    info.line = pos.line;
    // offsets in characters, 1-based
    size_t start = 0;
    for (int l = 1; l < pos.line && start != std::string_view::npos; ++l) {
        start = source_.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    std::string line;
    if (start != std::string_view::npos && start <= source_.size()) {
        size_t end = source_.find('\n', start);
        line = std::string(source_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    }
    auto chars = [&](int bytes) {
        int n = 0;
        for (int i = 0; i < bytes && i < int(line.size()); ++i)
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
        return n;
    };
    info.text = line;
    info.offset = chars(pos.col) + 1;
    info.end_offset = pos.end_line == pos.line ? chars(pos.end_col) + 1 : 0;
    throw ParseError(info);
}

std::string Compiler::qualname_for(const std::string& name) const {
    // compile.c compiler_set_qualname: nested in a function -> "outer.<locals>.name".
    if (units_.size() <= 1) return name;
    const Unit& parent = *units_.back();
    if (parent.table->kind == SymbolTable::Kind::module) return name;
    std::string base = parent.code->qualname;
    if (parent.table->kind == SymbolTable::Kind::function || parent.table->kind == SymbolTable::Kind::comprehension)
        return base + ".<locals>." + name;
    return base + "." + name;
}

void Compiler::enter(const void* node, std::string name, std::string qualname, int firstline) {
    auto unit = std::make_unique<Unit>();
    unit->table = node ? tables_.by_node.at(node) : tables_.top.get();
    unit->code = make_ref<Code>();
    auto& c = *unit->code;
    c.name = std::move(name);
    c.qualname = std::move(qualname);
    c.filename = filename_;
    c.firstline = firstline;
    unit->line = firstline;
    SymbolTable& t = *unit->table;
    using K = SymbolTable::Kind;
    if (t.kind == K::function || t.kind == K::comprehension) {
        for (auto& p : t.params) {
            unit->fast[p] = uint32_t(c.varnames.size());
            c.varnames.push_back(p);
        }
        for (auto& n : t.order) {
            auto s = t.scope_of(n);
            if ((s == Scope::local) && !unit->fast.count(n)) {
                unit->fast[n] = uint32_t(c.varnames.size());
                c.varnames.push_back(n);
            }
        }
        for (auto& n : t.order) {
            auto s = t.scope_of(n);
            if (s == Scope::cell) {
                unit->cells[n] = uint32_t(c.cellvars.size());
                c.cellvars.push_back(n);
                int arg = -1;
                for (size_t i = 0; i < t.params.size(); ++i)
                    if (t.params[i] == n) arg = int(i);
                c.cell2arg.push_back(arg);
            }
        }
        c.is_coroutine = t.is_async && !t.is_generator;
        c.is_generator = t.is_generator && !t.is_async;
        c.is_async_generator = t.is_generator && t.is_async;
    } else {
        c.uses_locals_dict = true;
        if (t.kind == K::klass && t.needs_class_cell) {
            unit->cells["__class__"] = 0;
            c.cellvars.push_back("__class__");
            c.cell2arg.push_back(-1);
        }
    }
    // Free variables: cells follow in the same index space (LOAD_DEREF i).
    for (auto& n : t.order) {
        auto s = t.scope_of(n);
        bool free_class = t.kind == K::klass && (t.flags.count(n) && (t.flags.at(n) & SymbolTable::kDefFreeClass));
        if ((s == Scope::free || free_class) && !unit->cells.count(n)) {
            unit->cells[n] = uint32_t(c.cellvars.size() + c.freevars.size());
            c.freevars.push_back(n);
        }
    }
    units_.push_back(std::move(unit));
}

Ref<Code> Compiler::leave() {
    Ref<Code> c = u().code;
    // Free variable indexes were assigned before all cellvars were known: renumber so that
    // frees follow cells.
    units_.pop_back();
    return c;
}

void Compiler::load_name(const std::string& name, const Pos& pos) {
    (void)pos;
    SymbolTable& t = *u().table;
    Scope s = t.scope_of(name);
    using K = SymbolTable::Kind;
    if (t.kind == K::module) {
        emit(Op::LOAD_GLOBAL, name_index(name));
        return;
    }
    if (t.kind == K::klass) {
        if (s == Scope::global_explicit) emit(Op::LOAD_GLOBAL, name_index(name));
        else if (s == Scope::free) emit(Op::LOAD_CLASSDEREF, u().cells.at(name));
        else if (s == Scope::cell && name == "__class__") emit(Op::LOAD_DEREF, u().cells.at(name));
        else emit(Op::LOAD_NAME, name_index(name));
        return;
    }
    switch (s) {
        case Scope::local: emit(Op::LOAD_FAST, u().fast.at(name)); break;
        case Scope::cell:
        case Scope::free: emit(Op::LOAD_DEREF, u().cells.at(name)); break;
        default: emit(Op::LOAD_GLOBAL, name_index(name)); break;
    }
}

void Compiler::store_name(const std::string& name, const Pos& pos) {
    (void)pos;
    SymbolTable& t = *u().table;
    Scope s = t.scope_of(name);
    using K = SymbolTable::Kind;
    if (t.kind == K::module) {
        emit(Op::STORE_GLOBAL, name_index(name));
        return;
    }
    if (t.kind == K::klass) {
        if (s == Scope::global_explicit) emit(Op::STORE_GLOBAL, name_index(name));
        else emit(Op::STORE_NAME, name_index(name));
        return;
    }
    switch (s) {
        case Scope::local: emit(Op::STORE_FAST, u().fast.at(name)); break;
        case Scope::cell:
        case Scope::free: emit(Op::STORE_DEREF, u().cells.at(name)); break;
        default: emit(Op::STORE_GLOBAL, name_index(name)); break;
    }
}

void Compiler::delete_name(const std::string& name, const Pos& pos) {
    (void)pos;
    SymbolTable& t = *u().table;
    Scope s = t.scope_of(name);
    using K = SymbolTable::Kind;
    if (t.kind == K::module) {
        emit(Op::DELETE_GLOBAL, name_index(name));
        return;
    }
    if (t.kind == K::klass) {
        emit(s == Scope::global_explicit ? Op::DELETE_GLOBAL : Op::DELETE_NAME, name_index(name));
        return;
    }
    switch (s) {
        case Scope::local: emit(Op::DELETE_FAST, u().fast.at(name)); break;
        case Scope::cell:
        case Scope::free: emit(Op::DELETE_DEREF, u().cells.at(name)); break;
        default: emit(Op::DELETE_GLOBAL, name_index(name)); break;
    }
}

Ref<Code> Compiler::module(const ast::Module& m) {
    enter(nullptr, "<module>", "<module>", 1);
    // The module docstring becomes __doc__ (None when there is none).
    if (!m.body.empty() && m.body[0]->kind == StmtKind::ExprStmt &&
        m.body[0]->as<ExprStmt>().value->kind == ExprKind::Constant &&
        m.body[0]->as<ExprStmt>().value->as<Constant>().value.type == ConstValue::Type::Str) {
        load_const(make_str(m.body[0]->as<ExprStmt>().value->as<Constant>().value.s));
        store_name("__doc__", m.body[0]->pos);
    }
    body(m.body);
    load_const(Value::none());
    emit(Op::RETURN_VALUE);
    return leave();
}

void Compiler::body(const std::vector<StmtPtr>& b) {
    for (auto& s : b) stmt(*s);
}

void Compiler::stmt(const Stmt& s) {
    set_line(s.pos);
    switch (s.kind) {
        case StmtKind::FunctionDef:
        case StmtKind::AsyncFunctionDef: function_def(s.as<FunctionDef>()); break;
        case StmtKind::ClassDef: class_def(s.as<ClassDef>()); break;
        case StmtKind::Return: return_stmt(s.as<Return>()); break;
        case StmtKind::Delete:
            for (auto& t : s.as<Delete>().targets) delete_target(*t);
            break;
        case StmtKind::Assign: {
            auto& a = s.as<Assign>();
            expr(*a.value);
            for (size_t i = 0; i < a.targets.size(); ++i) {
                if (i + 1 < a.targets.size()) emit(Op::DUP_TOP);
                assign_target(*a.targets[i]);
            }
            break;
        }
        case StmtKind::AugAssign: aug_assign(s.as<AugAssign>()); break;
        case StmtKind::AnnAssign: ann_assign(s.as<AnnAssign>()); break;
        case StmtKind::For:
        case StmtKind::AsyncFor: for_stmt(s.as<For>()); break;
        case StmtKind::While: while_stmt(s.as<While>()); break;
        case StmtKind::If: if_stmt(s.as<If>()); break;
        case StmtKind::With:
        case StmtKind::AsyncWith: {
            auto& w = s.as<With>();
            if (w.kind == StmtKind::AsyncWith && !in_async_scope())
                error("'async with' outside async function", s.pos);
            with_stmt(w, 0);
            break;
        }
        case StmtKind::Raise: raise_stmt(s.as<Raise>()); break;
        case StmtKind::Try:
        case StmtKind::TryStar: try_stmt(s.as<Try>()); break;
        case StmtKind::Assert: {
            auto& a = s.as<Assert>();
            std::vector<uint32_t> ok;
            jump_if(*a.test, true, ok);
            emit(Op::LOAD_ASSERTION_ERROR);
            if (a.msg) {
                expr(*a.msg);
                emit(Op::CALL, 1);
            }
            emit(Op::RAISE, 1);
            for (auto j : ok) patch(j, here());
            break;
        }
        case StmtKind::Import: import_stmt(s.as<Import>()); break;
        case StmtKind::ImportFrom: import_from(s.as<ImportFrom>()); break;
        case StmtKind::Global:
        case StmtKind::Nonlocal:
        case StmtKind::Pass: break;
        case StmtKind::ExprStmt: {
            auto& e = *s.as<ExprStmt>().value;
            if (e.kind == ExprKind::Constant) break;  // docstrings and bare constants
            expr(e);
            emit(Op::POP_TOP);
            break;
        }
        case StmtKind::Break: break_stmt(s); break;
        case StmtKind::Continue: continue_stmt(s); break;
    }
}

void Compiler::function_def(const FunctionDef& f) {
    for (auto& d : f.decorator_list) expr(*d);
    int firstline = f.decorator_list.empty() ? f.pos.line : f.decorator_list.front()->pos.line;
    make_function(&f, f.args, firstline, f.name, false);
    // The function's body.
    SymbolTable* t = tables_.by_node.at(&f);
    (void)t;
    for (size_t i = 0; i < f.decorator_list.size(); ++i) emit(Op::CALL, 1);
    store_name(f.name, f.pos);
}

void Compiler::class_def(const ClassDef& c) {
    for (auto& d : c.decorator_list) expr(*d);
    set_line(c.pos);
    int firstline = c.decorator_list.empty() ? c.pos.line : c.decorator_list.front()->pos.line;
    std::string qual = qualname_for(c.name);
    // The class body is compiled as a function run with a fresh namespace dict (BUILD_CLASS).
    enter(&c, c.name, qual, firstline);
    u().line = c.pos.line;
    load_name("__name__", c.pos);
    store_name("__module__", c.pos);
    load_const(make_str(qual));
    store_name("__qualname__", c.pos);
    bool has_ann = false;
    for (auto& s : c.body)
        if (s->kind == StmtKind::AnnAssign) has_ann = true;
    if (has_ann) emit(Op::SETUP_ANNOTATIONS);
    if (!c.body.empty() && c.body[0]->kind == StmtKind::ExprStmt) {
        auto& e = *c.body[0]->as<ExprStmt>().value;
        if (e.kind == ExprKind::Constant && e.as<Constant>().value.type == ConstValue::Type::Str) {
            load_const(make_str(e.as<Constant>().value.s));
            store_name("__doc__", c.pos);
        }
    }
    body(c.body);
    // Return the __class__ cell (or None) so BUILD_CLASS can fill it (compile.c).
    if (u().table->needs_class_cell) emit(Op::LOAD_CLOSURE, 0);
    else load_const(Value::none());
    emit(Op::RETURN_VALUE);
    Ref<Code> body_code = leave();
    set_line(c.pos);
    // Closure of the body: the cells it takes from enclosing functions.
    uint32_t flags = 0;
    if (!body_code->freevars.empty()) {
        for (auto& name : body_code->freevars) emit(Op::LOAD_CLOSURE, u().cells.at(name));
        emit(Op::BUILD_TUPLE, uint32_t(body_code->freevars.size()));
        flags |= kFuncClosure;
    }
    load_const(Value(body_code.get()));
    load_const(make_str(qual));
    emit(Op::MAKE_FUNCTION, flags);
    load_const(make_str(c.name));
    bool simple = c.keywords.empty();
    for (auto& b : c.bases)
        if (b->kind == ExprKind::Starred) simple = false;
    if (!simple) error("LoopLab does not support class keywords or starred bases (metaclasses)", c.pos);
    for (auto& b : c.bases) expr(*b);
    emit(Op::BUILD_CLASS, uint32_t(c.bases.size()));
    for (size_t i = 0; i < c.decorator_list.size(); ++i) emit(Op::CALL, 1);
    store_name(c.name, c.pos);
}

void Compiler::assign_target(const Expr& t) {
    set_line(t.pos);
    switch (t.kind) {
        case ExprKind::Name: store_name(t.as<Name>().id, t.pos); break;
        case ExprKind::Attribute: {
            auto& a = t.as<Attribute>();
            expr(*a.value);
            emit(Op::STORE_ATTR, name_index(a.attr));
            break;
        }
        case ExprKind::Subscript: {
            auto& s = t.as<Subscript>();
            expr(*s.value);
            subscript_slice(*s.slice);
            emit(Op::STORE_SUBSCR);
            break;
        }
        case ExprKind::Tuple: unpack_target(t.as<ast::Tuple>().elts, t.pos); break;
        case ExprKind::List: unpack_target(t.as<ast::List>().elts, t.pos); break;
        case ExprKind::Starred: error("starred assignment target must be in a list or tuple", t.pos);
        default: error("cannot assign to expression", t.pos);
    }
}

void Compiler::unpack_target(const std::vector<ExprPtr>& elts, const Pos& pos) {
    size_t star = elts.size();
    for (size_t i = 0; i < elts.size(); ++i) {
        if (elts[i]->kind == ExprKind::Starred) {
            if (star != elts.size()) error("multiple starred expressions in assignment", elts[i]->pos);
            star = i;
        }
    }
    if (star == elts.size()) {
        emit(Op::UNPACK_SEQUENCE, uint32_t(elts.size()));
    } else {
        emit(Op::UNPACK_EX, uint32_t(star) | uint32_t(elts.size() - star - 1) << 8);
    }
    (void)pos;
    for (auto& e : elts) {
        if (e->kind == ExprKind::Starred) assign_target(*e->as<Starred>().value);
        else assign_target(*e);
    }
}

void Compiler::delete_target(const Expr& t) {
    set_line(t.pos);
    switch (t.kind) {
        case ExprKind::Name: delete_name(t.as<Name>().id, t.pos); break;
        case ExprKind::Attribute: {
            auto& a = t.as<Attribute>();
            expr(*a.value);
            emit(Op::DELETE_ATTR, name_index(a.attr));
            break;
        }
        case ExprKind::Subscript: {
            auto& s = t.as<Subscript>();
            expr(*s.value);
            subscript_slice(*s.slice);
            emit(Op::DELETE_SUBSCR);
            break;
        }
        case ExprKind::Tuple:
            for (auto& e : t.as<ast::Tuple>().elts) delete_target(*e);
            break;
        case ExprKind::List:
            for (auto& e : t.as<ast::List>().elts) delete_target(*e);
            break;
        default: error("cannot delete expression", t.pos);
    }
}

void Compiler::aug_assign(const AugAssign& a) {
    auto& t = *a.target;
    switch (t.kind) {
        case ExprKind::Name:
            load_name(t.as<Name>().id, t.pos);
            expr(*a.value);
            set_line(a.pos);
            emit(Op::INPLACE_OP, uint32_t(a.op));
            store_name(t.as<Name>().id, t.pos);
            break;
        case ExprKind::Attribute: {
            auto& at = t.as<Attribute>();
            expr(*at.value);
            emit(Op::DUP_TOP);
            emit(Op::LOAD_ATTR, name_index(at.attr));
            expr(*a.value);
            set_line(a.pos);
            emit(Op::INPLACE_OP, uint32_t(a.op));
            emit(Op::ROT_TWO);
            emit(Op::STORE_ATTR, name_index(at.attr));
            break;
        }
        case ExprKind::Subscript: {
            auto& s = t.as<Subscript>();
            expr(*s.value);
            subscript_slice(*s.slice);
            emit(Op::DUP_TOP_TWO);
            emit(Op::BINARY_SUBSCR);
            expr(*a.value);
            set_line(a.pos);
            emit(Op::INPLACE_OP, uint32_t(a.op));
            emit(Op::ROT_THREE);
            emit(Op::STORE_SUBSCR);
            break;
        }
        default: error("'" + std::string(name(t.kind)) + "' is an illegal expression for augmented assignment", t.pos);
    }
}

void Compiler::ann_assign(const AnnAssign& a) {
    if (a.value) {
        expr(*a.value);
        assign_target(*a.target);
    }
    // Class bodies record annotations (dataclasses read them); they are kept as source
    // text, as with `from __future__ import annotations`, so no typing machinery is needed.
    if (a.simple && a.target->kind == ExprKind::Name && u().table->kind == SymbolTable::Kind::klass) {
        auto& ann = *a.annotation;
        std::string text;
        size_t start = 0;
        for (int l = 1; l < ann.pos.line && start != std::string_view::npos; ++l) {
            start = source_.find('\n', start);
            if (start != std::string_view::npos) ++start;
        }
        if (start != std::string_view::npos && ann.pos.end_line == ann.pos.line)
            text = std::string(source_.substr(start + ann.pos.col, ann.pos.end_col - ann.pos.col));
        load_const(make_str(text));
        emit(Op::LOAD_NAME, name_index("__annotations__"));
        load_const(make_str(a.target->as<Name>().id));
        emit(Op::STORE_SUBSCR);
    }
}

void Compiler::if_stmt(const If& i) {
    std::vector<uint32_t> to_else;
    jump_if(*i.test, false, to_else);
    body(i.body);
    if (!i.orelse.empty()) {
        uint32_t to_end = emit(Op::JUMP);
        for (auto j : to_else) patch(j, here());
        body(i.orelse);
        patch(to_end, here());
    } else {
        for (auto j : to_else) patch(j, here());
    }
}

void Compiler::while_stmt(const While& w) {
    uint32_t top = here();
    std::vector<uint32_t> exits, breaks;
    jump_if(*w.test, false, exits);
    u().fblocks.push_back(FBlock{FBlock::loop, nullptr, top, &breaks});
    body(w.body);
    u().fblocks.pop_back();
    emit(Op::JUMP, top);
    for (auto j : exits) patch(j, here());
    body(w.orelse);
    for (auto j : breaks) patch(j, here());
}

void Compiler::for_stmt(const For& f) {
    bool is_async = f.kind == StmtKind::AsyncFor;
    std::vector<uint32_t> breaks;
    if (is_async) expr(*f.iter);
    else iterable(*f.iter);  // fold_iter (ast_opt.c folds For, not AsyncFor)
    set_line(f.pos);
    if (!is_async) {
        emit(Op::GET_ITER);
        uint32_t top = here();
        uint32_t for_iter = emit(Op::FOR_ITER);
        assign_target(*f.target);
        u().fblocks.push_back(FBlock{FBlock::for_loop, nullptr, top, &breaks});
        body(f.body);
        u().fblocks.pop_back();
        emit(Op::JUMP, top);
        patch(for_iter, here());
    } else {
        if (!in_async_scope()) error("'async for' outside async function", f.pos);
        emit(Op::GET_AITER);
        uint32_t top = here();
        uint32_t setup = emit(Op::SETUP_FINALLY);
        emit(Op::DUP_TOP);
        emit(Op::GET_ANEXT);
        emit(Op::AWAIT);
        emit(Op::POP_BLOCK);
        assign_target(*f.target);
        u().fblocks.push_back(FBlock{FBlock::async_for_loop, nullptr, top, &breaks});
        body(f.body);
        u().fblocks.pop_back();
        emit(Op::JUMP, top);
        patch(setup, here());
        set_line(f.pos);
        emit(Op::END_ASYNC_FOR);  // StopAsyncIteration ends the loop; anything else re-raises
    }
    body(f.orelse);
    for (auto j : breaks) patch(j, here());
}

void Compiler::with_stmt(const With& w, size_t item) {
    bool is_async = w.kind == StmtKind::AsyncWith;
    const WithItem& it = w.items[item];
    expr(*it.context_expr);
    set_line(w.pos);
    uint32_t setup;
    if (is_async) {
        emit(Op::BEFORE_ASYNC_WITH);  // pushes __aexit__, then __aenter__() awaitable
        emit(Op::AWAIT);
        setup = emit(Op::SETUP_WITH);
    } else {
        emit(Op::BEFORE_WITH);  // pushes __exit__, then __enter__()
        setup = emit(Op::SETUP_WITH);
    }
    if (it.optional_vars) assign_target(*it.optional_vars);
    else emit(Op::POP_TOP);
    u().fblocks.push_back(FBlock{is_async ? FBlock::async_with : FBlock::with});
    if (item + 1 < w.items.size()) with_stmt(w, item + 1);
    else body(w.body);
    u().fblocks.pop_back();
    set_line(w.pos);
    emit(Op::POP_BLOCK);
    // Normal exit: __exit__(None, None, None).
    if (is_async) {
        emit(Op::WITH_EXIT_ASYNC, 0);
        emit(Op::AWAIT);
        emit(Op::POP_TOP);
    } else {
        emit(Op::WITH_EXIT, 0);
    }
    uint32_t to_end = emit(Op::JUMP);
    // Exceptional exit: stack [exit, exc].
    patch(setup, here());
    emit(Op::PUSH_EXC_INFO);
    uint32_t cleanup = emit(Op::SETUP_FINALLY);
    if (is_async) {
        emit(Op::WITH_EXIT_ASYNC, 1);  // [exit, exc, awaitable]
        emit(Op::AWAIT);
    } else {
        emit(Op::WITH_EXIT, 1);  // [exit, exc, result]
    }
    uint32_t to_suppress = emit(Op::POP_JUMP_IF_TRUE);
    emit(Op::POP_BLOCK);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    patch(to_suppress, here());
    emit(Op::POP_BLOCK);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    emit(Op::POP_TOP);
    uint32_t to_end2 = emit(Op::JUMP);
    patch(cleanup, here());
    emit(Op::ROT_TWO);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    patch(to_end, here());
    patch(to_end2, here());
}

void Compiler::try_stmt(const Try& t) {
    if (!t.finalbody.empty()) try_finally(t);
    else if (t.kind == StmtKind::TryStar) try_star(t);
    else try_except(t);
}

void Compiler::try_finally(const Try& t) {
    uint32_t setup = emit(Op::SETUP_FINALLY);
    u().fblocks.push_back(FBlock{FBlock::finally_try, &t.finalbody});
    if (!t.handlers.empty()) {
        if (t.kind == StmtKind::TryStar) try_star(t);
        else try_except(t);
    } else {
        body(t.body);
    }
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    body(t.finalbody);
    uint32_t to_end = emit(Op::JUMP);
    // Exceptional path: stack [exc].
    patch(setup, here());
    emit(Op::PUSH_EXC_INFO);
    uint32_t cleanup = emit(Op::SETUP_FINALLY);
    u().fblocks.push_back(FBlock{FBlock::finally_end});
    body(t.finalbody);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    patch(cleanup, here());
    emit(Op::ROT_TWO);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    patch(to_end, here());
}

void Compiler::try_except(const Try& t) {
    uint32_t setup = emit(Op::SETUP_FINALLY);
    u().fblocks.push_back(FBlock{FBlock::try_except});
    body(t.body);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    body(t.orelse);
    std::vector<uint32_t> ends;
    ends.push_back(emit(Op::JUMP));
    // Handlers: stack [exc].
    patch(setup, here());
    emit(Op::PUSH_EXC_INFO);
    uint32_t cleanup = emit(Op::SETUP_FINALLY);
    for (size_t i = 0; i < t.handlers.size(); ++i) {
        auto& h = t.handlers[i];
        set_line(h.pos);
        if (!h.type && i + 1 < t.handlers.size()) error("default 'except:' must be last", h.pos);
        uint32_t next = 0;
        if (h.type) {
            expr(*h.type);
            emit(Op::CHECK_EXC_MATCH);  // [exc, type] -> [exc, matched]
            next = emit(Op::POP_JUMP_IF_FALSE);
        }
        if (h.name) {
            emit(Op::DUP_TOP);
            store_name(*h.name, h.pos);
        }
        u().fblocks.push_back(FBlock{FBlock::handler_cleanup});
        body(h.body);
        u().fblocks.pop_back();
        emit(Op::POP_BLOCK);
        emit(Op::POP_EXCEPT);
        emit(Op::POP_TOP);
        if (h.name) {
            // `except E as e` deletes e at the end of the handler (compile.c).
            load_const(Value::none());
            store_name(*h.name, h.pos);
            delete_name(*h.name, h.pos);
        }
        ends.push_back(emit(Op::JUMP));
        if (h.type) patch(next, here());
    }
    // No handler matched.
    emit(Op::POP_BLOCK);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    patch(cleanup, here());
    emit(Op::ROT_TWO);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    for (auto j : ends) patch(j, here());
}

void Compiler::try_star(const Try& t) {
    // except* (PEP 654): each handler takes the matching part of the group; what no handler
    // matched (plus anything the handlers raised) is re-raised at the end.
    // Stack in the handler section: [orig, rest]; CHECK_EG_MATCH splits rest by the type:
    // [orig, rest, type] -> [orig, rest', match] where match is None when nothing matched.
    uint32_t setup = emit(Op::SETUP_FINALLY);
    u().fblocks.push_back(FBlock{FBlock::try_except});
    body(t.body);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    body(t.orelse);
    uint32_t to_end = emit(Op::JUMP);
    patch(setup, here());
    emit(Op::PUSH_EXC_INFO);  // [orig]
    emit(Op::DUP_TOP);        // [orig, rest]
    // Raised-in-handler exceptions are collected in a list: [orig, rest, raised_list]
    emit(Op::BUILD_LIST, 0);
    emit(Op::ROT_TWO);  // [orig, raised, rest]
    for (auto& h : t.handlers) {
        set_line(h.pos);
        if (!h.type) error("expected one or more exception types", h.pos);
        expr(*h.type);
        emit(Op::CHECK_EG_MATCH);  // [orig, raised, rest', match]
        emit(Op::DUP_TOP);
        uint32_t no_match = emit(Op::POP_JUMP_IF_NONE);
        if (h.name) store_name(*h.name, h.pos);
        else emit(Op::POP_TOP);
        // Run the handler; an exception it raises is appended to `raised`.
        uint32_t hsetup = emit(Op::SETUP_FINALLY);
        u().fblocks.push_back(FBlock{FBlock::try_except});
        body(h.body);
        u().fblocks.pop_back();
        emit(Op::POP_BLOCK);
        uint32_t after = emit(Op::JUMP);
        patch(hsetup, here());  // [orig, raised, rest', exc]
        emit(Op::ROT_THREE);      // [orig, exc, raised, rest']
        emit(Op::ROT_THREE);      // [orig, rest', exc, raised]
        emit(Op::ROT_TWO);        // [orig, rest', raised, exc]
        emit(Op::LIST_APPEND, 1); // [orig, rest', raised]
        emit(Op::ROT_TWO);        // [orig, raised, rest']
        patch(after, here());
        uint32_t next = emit(Op::JUMP);
        patch(no_match, here());
        emit(Op::POP_TOP);  // the None match
        patch(next, here());
    }
    // [orig, raised, rest] -> re-raise what is left (or nothing).
    emit(Op::PREP_RERAISE_STAR);  // [orig, to_raise or None]
    emit(Op::DUP_TOP);
    uint32_t nothing = emit(Op::POP_JUMP_IF_NONE);
    emit(Op::ROT_TWO);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    patch(nothing, here());
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    patch(to_end, here());
}

void Compiler::raise_stmt(const Raise& r) {
    if (!r.exc) {
        emit(Op::RAISE, 0);
        return;
    }
    expr(*r.exc);
    if (r.cause) {
        expr(*r.cause);
        set_line(r.pos);
        emit(Op::RAISE, 2);
    } else {
        set_line(r.pos);
        emit(Op::RAISE, 1);
    }
}

void Compiler::import_stmt(const Import& i) {
    for (auto& a : i.names) {
        set_line(a.pos.line ? a.pos : i.pos);
        emit(Op::IMPORT_NAME, name_index(a.name));
        if (a.asname) {
            // `import a.b as c` binds the submodule.
            size_t dot = 0;
            std::string rest = a.name;
            while ((dot = rest.find('.')) != std::string::npos) {
                rest = rest.substr(dot + 1);
                std::string part = rest.substr(0, rest.find('.'));
                emit(Op::IMPORT_FROM, name_index(part));
                emit(Op::ROT_TWO);
                emit(Op::POP_TOP);
            }
            store_name(*a.asname, a.pos);
        } else {
            // IMPORT_NAME pushed the top-level package for a dotted name.
            store_name(a.name.substr(0, a.name.find('.')), a.pos);
        }
    }
}

void Compiler::import_from(const ImportFrom& i) {
    if (i.level > 0) error("LoopLab does not support relative imports", i.pos);
    // IMPORT_NAME with a leading '=' imports the full dotted module (fromlist semantics).
    emit(Op::IMPORT_NAME, name_index("=" + i.module));
    for (auto& a : i.names) {
        if (a.name == "*") {
            error("LoopLab does not support 'from " + i.module + " import *'", i.pos);
        }
        emit(Op::IMPORT_FROM, name_index(a.name));
        store_name(a.asname ? *a.asname : a.name, a.pos);
    }
    emit(Op::POP_TOP);
}

void Compiler::unwind_fblock(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
        case FBlock::loop: break;
        case FBlock::for_loop:
        case FBlock::async_for_loop:
            if (preserve_tos) emit(Op::ROT_TWO);
            emit(Op::POP_TOP);
            break;
        case FBlock::try_except: emit(Op::POP_BLOCK); break;
        case FBlock::finally_try: {
            emit(Op::POP_BLOCK);
            // The callers pop this block before unwinding it, so a return inside the finally
            // body does not run it again.
            body(*b.finalbody);
            break;
        }
        case FBlock::finally_end:
        case FBlock::handler_cleanup:
            emit(Op::POP_BLOCK);
            emit(Op::POP_EXCEPT);
            if (preserve_tos) emit(Op::ROT_TWO);
            emit(Op::POP_TOP);
            break;
        case FBlock::with:
            emit(Op::POP_BLOCK);
            if (preserve_tos) emit(Op::ROT_TWO);
            emit(Op::WITH_EXIT, 0);
            break;
        case FBlock::async_with:
            emit(Op::POP_BLOCK);
            if (preserve_tos) emit(Op::ROT_TWO);
            emit(Op::WITH_EXIT_ASYNC, 0);
            emit(Op::AWAIT);
            emit(Op::POP_TOP);
            break;
    }
}

void Compiler::return_stmt(const Return& r) {
    using K = SymbolTable::Kind;
    if (u().table->kind != K::function) error("'return' outside function", r.pos);
    if (r.value) {
        if (u().code->is_async_generator) error("'return' with value in async generator", r.pos);
        expr(*r.value);
    } else {
        load_const(Value::none());
    }
    set_line(r.pos);
    // Unwind every enclosing block, innermost first; finally bodies see the blocks outside
    // them only.
    std::vector<FBlock> saved = u().fblocks;
    while (!u().fblocks.empty()) {
        FBlock b = u().fblocks.back();
        u().fblocks.pop_back();
        unwind_fblock(b, true);
    }
    u().fblocks = saved;
    emit(Op::RETURN_VALUE);
}

void Compiler::break_stmt(const Stmt& s) {
    std::vector<FBlock> saved = u().fblocks;
    while (!u().fblocks.empty()) {
        FBlock b = u().fblocks.back();
        u().fblocks.pop_back();
        unwind_fblock(b, false);
        if (b.kind == FBlock::loop || b.kind == FBlock::for_loop || b.kind == FBlock::async_for_loop) {
            b.break_jumps->push_back(emit(Op::JUMP));
            u().fblocks = saved;
            return;
        }
    }
    u().fblocks = saved;
    error("'break' outside loop", s.pos);
}

void Compiler::continue_stmt(const Stmt& s) {
    std::vector<FBlock> saved = u().fblocks;
    while (!u().fblocks.empty()) {
        FBlock b = u().fblocks.back();
        if (b.kind == FBlock::loop || b.kind == FBlock::for_loop || b.kind == FBlock::async_for_loop) {
            emit(Op::JUMP, b.continue_target);
            u().fblocks = saved;
            return;
        }
        u().fblocks.pop_back();
        unwind_fblock(b, false);
    }
    u().fblocks = saved;
    error("'continue' not properly in loop", s.pos);
}

bool Compiler::in_async_scope() const {
    for (auto it = units_.rbegin(); it != units_.rend(); ++it) {
        auto* t = (*it)->table;
        if (t->kind == SymbolTable::Kind::function) return t->is_async;
        if (t->kind == SymbolTable::Kind::comprehension) {
            if (t->is_async) return true;
            continue;
        }
        return false;
    }
    return false;
}

}  // namespace detail

Ref<Code> compile_module(const ast::Module& m, std::string_view filename, std::string_view source) {
    SymbolTables tables = build_symbol_tables(m, filename, source);
    Compiler c(tables, filename, source);
    return c.module(m);
}

Ref<Code> compile_source(std::string_view source, std::string_view filename) {
    auto m = parse(source, filename);
    return compile_module(*m, filename, source);
}

}  // namespace looplab::py
