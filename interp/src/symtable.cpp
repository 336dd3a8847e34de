// Scope analysis, following CPython's Python/symtable.c: a first pass records how each name
// is used in each block; a second pass (analyze) decides local/global/free/cell.
#include "looplab/py/symtable.hpp"

#include <set>

namespace looplab::py {

Scope SymbolTable::scope_of(const std::string& name) const {
    auto it = scopes.find(name);
    if (it != scopes.end()) return it->second;
    return kind == Kind::module ? Scope::global_implicit : Scope::global_implicit;
}

namespace {

using namespace ast;

[[noreturn]] void scope_error(std::string msg, const Pos& pos, std::string_view source) {
    SyntaxErrorInfo info;
    info.message = std::move(msg);
    info.line = pos.line;
    info.offset = pos.col + 1;
    info.end_offset = pos.end_line == pos.line ? pos.end_col + 1 : 0;
    size_t start = 0;
    for (int l = 1; l < pos.line && start != std::string_view::npos; ++l) {
        start = source.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start != std::string_view::npos && start <= source.size()) {
        size_t end = source.find('\n', start);
        info.text = std::string(source.substr(start, end == std::string_view::npos ? end : end - start));
    }
    throw ParseError(info);
}

class Builder {
public:
    Builder(SymbolTables& out, std::string_view source) : out_(out), source_(source) {}

    void module(const Module& m) {
        out_.top = std::make_unique<SymbolTable>();
        out_.top->kind = SymbolTable::Kind::module;
        out_.top->name = "<module>";
        cur_ = out_.top.get();
        for (auto& s : m.body) stmt(*s);
    }

private:
    SymbolTable* push(SymbolTable::Kind kind, std::string name, const void* node) {
        auto t = std::make_unique<SymbolTable>();
        t->kind = kind;
        t->name = std::move(name);
        t->parent = cur_;
        SymbolTable* raw = t.get();
        cur_->children.push_back(std::move(t));
        out_.by_node[node] = raw;
        cur_ = raw;
        return raw;
    }
    void pop() { cur_ = cur_->parent; }

    void add(const std::string& name, int flag, const Pos& pos) {
        auto [it, inserted] = cur_->flags.emplace(name, 0);
        if (inserted) cur_->order.push_back(name);
        int& f = it->second;
        if (flag & SymbolTable::kDefGlobal) {
            if ((f & (SymbolTable::kDefLocal | SymbolTable::kUse)) && !(f & SymbolTable::kDefGlobal)) {
                // symtable.c: GLOBAL_AFTER_ASSIGN / GLOBAL_AFTER_USE.
                const char* what = (f & SymbolTable::kDefLocal) ? "assigned to before" : "used prior to";
                scope_error("name '" + name + "' is " + what + " global declaration", pos, source_);
            }
            if (f & SymbolTable::kDefParam) scope_error("name '" + name + "' is parameter and global", pos, source_);
        }
        if (flag & SymbolTable::kDefNonlocal) {
            if (f & SymbolTable::kDefParam) scope_error("name '" + name + "' is parameter and nonlocal", pos, source_);
            if ((f & (SymbolTable::kDefLocal | SymbolTable::kUse)) && !(f & SymbolTable::kDefNonlocal)) {
                const char* what = (f & SymbolTable::kDefLocal) ? "assigned to before" : "used prior to";
                scope_error("name '" + name + "' is " + what + " nonlocal declaration", pos, source_);
            }
        }
        f |= flag;
    }
    void bind(const std::string& name, const Pos& pos) { add(name, SymbolTable::kDefLocal, pos); }
    void use(const std::string& name, const Pos& pos) { add(name, SymbolTable::kUse, pos); }

    void body(const std::vector<StmtPtr>& b) {
        for (auto& s : b) stmt(*s);
    }

    void arguments(const Arguments& a, const Pos& pos) {
        auto param = [&](const Arg& arg) {
            if (cur_->flags.count(arg.arg) && (cur_->flags[arg.arg] & SymbolTable::kDefParam))
                scope_error("duplicate argument '" + arg.arg + "' in function definition", arg.pos.line ? arg.pos : pos, source_);
            add(arg.arg, SymbolTable::kDefParam, arg.pos);
            cur_->params.push_back(arg.arg);
        };
        // CPython's co_varnames order: positional, keyword-only, *args, **kwargs.
        for (auto& p : a.posonlyargs) param(p);
        for (auto& p : a.args) param(p);
        for (auto& p : a.kwonlyargs) param(p);
        if (a.vararg) param(*a.vararg);
        if (a.kwarg) param(*a.kwarg);
    }
    void defaults(const Arguments& a) {
        for (auto& d : a.defaults) expr(*d);
        for (auto& d : a.kw_defaults)
            if (d) expr(*d);
    }

    void function(const FunctionDef& f) {
        for (auto& d : f.decorator_list) expr(*d);
        defaults(f.args);
        bind(f.name, f.pos);
        push(SymbolTable::Kind::function, f.name, &f);
        cur_->is_async = f.kind == StmtKind::AsyncFunctionDef;
        arguments(f.args, f.pos);
        body(f.body);
        pop();
    }

    void stmt(const Stmt& s) {
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef: function(s.as<FunctionDef>()); break;
            case StmtKind::ClassDef: {
                auto& c = s.as<ClassDef>();
                for (auto& d : c.decorator_list) expr(*d);
                for (auto& b : c.bases) expr(*b);
                for (auto& k : c.keywords) expr(*k.value);
                bind(c.name, c.pos);
                push(SymbolTable::Kind::klass, c.name, &c);
                body(c.body);
                pop();
                break;
            }
            case StmtKind::Return:
                if (auto& v = s.as<Return>().value) expr(*v);
                break;
            case StmtKind::Delete:
                for (auto& t : s.as<Delete>().targets) expr(*t);
                break;
            case StmtKind::Assign: {
                auto& a = s.as<Assign>();
                expr(*a.value);
                for (auto& t : a.targets) expr(*t);
                break;
            }
            case StmtKind::AugAssign: {
                auto& a = s.as<AugAssign>();
                expr(*a.value);
                if (a.target->kind == ExprKind::Name) {
                    auto& n = a.target->as<Name>();
                    use(n.id, n.pos);
                    bind(n.id, n.pos);
                } else {
                    expr(*a.target);
                }
                break;
            }
            case StmtKind::AnnAssign: {
                auto& a = s.as<AnnAssign>();
                if (a.value) expr(*a.value);
                expr(*a.target);
                break;
            }
            case StmtKind::For:
            case StmtKind::AsyncFor: {
                auto& f = s.as<For>();
                expr(*f.iter);
                expr(*f.target);
                body(f.body);
                body(f.orelse);
                break;
            }
            case StmtKind::While: {
                auto& w = s.as<While>();
                expr(*w.test);
                body(w.body);
                body(w.orelse);
                break;
            }
            case StmtKind::If: {
                auto& i = s.as<If>();
                expr(*i.test);
                body(i.body);
                body(i.orelse);
                break;
            }
            case StmtKind::With:
            case StmtKind::AsyncWith: {
                auto& w = s.as<With>();
                for (auto& item : w.items) {
                    expr(*item.context_expr);
                    if (item.optional_vars) expr(*item.optional_vars);
                }
                body(w.body);
                break;
            }
            case StmtKind::Raise: {
                auto& r = s.as<Raise>();
                if (r.exc) expr(*r.exc);
                if (r.cause) expr(*r.cause);
                break;
            }
            case StmtKind::Try:
            case StmtKind::TryStar: {
                auto& t = s.as<Try>();
                body(t.body);
                for (auto& h : t.handlers) {
                    if (h.type) expr(*h.type);
                    if (h.name) bind(*h.name, h.pos);
                    body(h.body);
                }
                body(t.orelse);
                body(t.finalbody);
                break;
            }
            case StmtKind::Assert: {
                auto& a = s.as<Assert>();
                expr(*a.test);
                if (a.msg) expr(*a.msg);
                break;
            }
            case StmtKind::Import:
                for (auto& a : s.as<Import>().names) {
                    std::string n = a.asname ? *a.asname : a.name.substr(0, a.name.find('.'));
                    bind(n, a.pos);
                }
                break;
            case StmtKind::ImportFrom:
                for (auto& a : s.as<ImportFrom>().names) {
                    if (a.name == "*") {
                        if (cur_->kind != SymbolTable::Kind::module)
                            scope_error("import * only allowed at module level", s.pos, source_);
                        continue;
                    }
                    bind(a.asname ? *a.asname : a.name, a.pos);
                }
                break;
            case StmtKind::Global:
                for (auto& n : s.as<Global>().names) {
                    add(n, SymbolTable::kDefGlobal, s.pos);
                }
                break;
            case StmtKind::Nonlocal:
                if (cur_->kind == SymbolTable::Kind::module)
                    scope_error("nonlocal declaration not allowed at module level", s.pos, source_);
                for (auto& n : s.as<Nonlocal>().names) add(n, SymbolTable::kDefNonlocal, s.pos);
                break;
            case StmtKind::ExprStmt: expr(*s.as<ExprStmt>().value); break;
            case StmtKind::Pass:
            case StmtKind::Break:
            case StmtKind::Continue: break;
        }
    }

    void comprehension(const Expr& e, const std::vector<Comprehension>& gens, const Expr* elt,
                       const Expr* value, const char* name) {
        // The first iterable is evaluated in the enclosing scope (symtable.c).
        expr(*gens[0].iter);
        bool enclosing_async = cur_->is_async;
        push(SymbolTable::Kind::comprehension, name, &e);
        add(".0", SymbolTable::kDefParam, e.pos);
        cur_->params.push_back(".0");
        bool is_async = false;
        for (size_t i = 0; i < gens.size(); ++i) {
            auto& g = gens[i];
            if (i > 0) expr(*g.iter);
            expr(*g.target);
            for (auto& c : g.ifs) expr(*c);
            if (g.is_async) is_async = true;
        }
        if (elt) expr(*elt);
        if (value) expr(*value);
        if (e.kind == ExprKind::GeneratorExp) cur_->is_generator = true;
        if (is_async || cur_->has_await) {
            cur_->is_async = true;
            if (e.kind != ExprKind::GeneratorExp && !enclosing_async && !in_async_function())
                scope_error("asynchronous comprehension outside of an asynchronous function", e.pos, source_);
        }
        pop();
    }

    bool in_async_function() const {
        for (auto* t = cur_->parent; t; t = t->parent) {
            if (t->kind == SymbolTable::Kind::function) return t->is_async;
            if (t->kind != SymbolTable::Kind::comprehension) return false;
        }
        return false;
    }

    void expr(const Expr& e) {
        switch (e.kind) {
            case ExprKind::BoolOp:
                for (auto& v : e.as<BoolOp>().values) expr(*v);
                break;
            case ExprKind::NamedExpr: {
                auto& n = e.as<NamedExpr>();
                expr(*n.value);
                // The target binds in the nearest enclosing non-comprehension scope (PEP 572).
                SymbolTable* saved = cur_;
                while (cur_->kind == SymbolTable::Kind::comprehension) cur_ = cur_->parent;
                auto& name = n.target->as<Name>();
                bind(name.id, name.pos);
                SymbolTable* target_scope = cur_;
                cur_ = saved;
                if (target_scope != saved) {
                    // Inside the comprehension the name is free: mark it used there.
                    for (SymbolTable* t = saved; t != target_scope; t = t->parent) {
                        auto [it, ins] = t->flags.emplace(name.id, 0);
                        if (ins) t->order.push_back(name.id);
                        it->second |= SymbolTable::kUse;
                    }
                }
                break;
            }
            case ExprKind::BinOp: {
                auto& b = e.as<BinOp>();
                expr(*b.left);
                expr(*b.right);
                break;
            }
            case ExprKind::UnaryOp: expr(*e.as<UnaryOp>().operand); break;
            case ExprKind::Lambda: {
                auto& l = e.as<Lambda>();
                defaults(l.args);
                push(SymbolTable::Kind::function, "<lambda>", &e);
                arguments(l.args, e.pos);
                expr(*l.body);
                pop();
                break;
            }
            case ExprKind::IfExp: {
                auto& i = e.as<IfExp>();
                expr(*i.test);
                expr(*i.body);
                expr(*i.orelse);
                break;
            }
            case ExprKind::Dict: {
                auto& d = e.as<ast::Dict>();
                for (auto& k : d.keys)
                    if (k) expr(*k);
                for (auto& v : d.values) expr(*v);
                break;
            }
            case ExprKind::Set:
                for (auto& v : e.as<ast::Set>().elts) expr(*v);
                break;
            case ExprKind::ListComp: {
                auto& c = e.as<ListComp>();
                comprehension(e, c.generators, c.elt.get(), nullptr, "<listcomp>");
                break;
            }
            case ExprKind::SetComp: {
                auto& c = e.as<SetComp>();
                comprehension(e, c.generators, c.elt.get(), nullptr, "<setcomp>");
                break;
            }
            case ExprKind::DictComp: {
                auto& c = e.as<DictComp>();
                comprehension(e, c.generators, c.key.get(), c.value.get(), "<dictcomp>");
                break;
            }
            case ExprKind::GeneratorExp: {
                auto& c = e.as<GeneratorExp>();
                comprehension(e, c.generators, c.elt.get(), nullptr, "<genexpr>");
                break;
            }
            case ExprKind::Await:
                cur_->has_await = true;
                expr(*e.as<Await>().value);
                break;
            case ExprKind::Yield:
                cur_->is_generator = true;
                if (auto& v = e.as<Yield>().value) expr(*v);
                break;
            case ExprKind::YieldFrom:
                cur_->is_generator = true;
                expr(*e.as<YieldFrom>().value);
                break;
            case ExprKind::Compare: {
                auto& c = e.as<Compare>();
                expr(*c.left);
                for (auto& v : c.comparators) expr(*v);
                break;
            }
            case ExprKind::Call: {
                auto& c = e.as<Call>();
                expr(*c.func);
                for (auto& a : c.args) expr(*a);
                for (auto& k : c.keywords) expr(*k.value);
                // Zero-argument super() needs the class cell (symtable.c: __class__).
                if (c.func->kind == ExprKind::Name && c.func->as<Name>().id == "super" && c.args.empty())
                    use_class_cell(e.pos);
                break;
            }
            case ExprKind::FormattedValue: {
                auto& f = e.as<FormattedValue>();
                expr(*f.value);
                if (f.format_spec) expr(*f.format_spec);
                break;
            }
            case ExprKind::JoinedStr:
                for (auto& v : e.as<JoinedStr>().values) expr(*v);
                break;
            case ExprKind::Constant: break;
            case ExprKind::Attribute: expr(*e.as<Attribute>().value); break;
            case ExprKind::Subscript: {
                auto& s = e.as<Subscript>();
                expr(*s.value);
                expr(*s.slice);
                break;
            }
            case ExprKind::Starred: expr(*e.as<Starred>().value); break;
            case ExprKind::Name: {
                auto& n = e.as<Name>();
                if (n.ctx == ExprContext::Load) use(n.id, n.pos);
                else bind(n.id, n.pos);
                if (n.ctx == ExprContext::Load && n.id == "__class__") use_class_cell(n.pos);
                break;
            }
            case ExprKind::List:
                for (auto& v : e.as<ast::List>().elts) expr(*v);
                break;
            case ExprKind::Tuple:
                for (auto& v : e.as<ast::Tuple>().elts) expr(*v);
                break;
            case ExprKind::Slice: {
                auto& s = e.as<ast::Slice>();
                if (s.lower) expr(*s.lower);
                if (s.upper) expr(*s.upper);
                if (s.step) expr(*s.step);
                break;
            }
        }
    }

    void use_class_cell(const Pos& pos) {
        // Only inside a function nested (directly or via comprehensions) in a class body.
        for (auto* t = cur_; t; t = t->parent) {
            if (t->kind == SymbolTable::Kind::klass) {
                if (t == cur_) return;
                t->needs_class_cell = true;
                use("__class__", pos);
                return;
            }
        }
    }

    SymbolTables& out_;
    std::string_view source_;
    SymbolTable* cur_ = nullptr;
};

// Second pass: returns the names this block needs from enclosing function scopes.
std::set<std::string> analyze(SymbolTable& t, const std::set<std::string>& enclosing,
                              std::string_view source) {
    using K = SymbolTable::Kind;
    std::set<std::string> local;
    for (auto& [name, f] : t.flags) {
        Scope s;
        if (f & SymbolTable::kDefGlobal) {
            s = Scope::global_explicit;
        } else if (f & SymbolTable::kDefNonlocal) {
            if (!enclosing.count(name)) {
                SyntaxErrorInfo info;
                info.message = "no binding for nonlocal '" + name + "' found";
                throw ParseError(info);
            }
            s = Scope::free;
        } else if (f & (SymbolTable::kDefLocal | SymbolTable::kDefParam)) {
            s = Scope::local;
            local.insert(name);
        } else if (enclosing.count(name) && t.kind != K::module) {
            s = Scope::free;
        } else {
            s = t.kind == K::module ? Scope::global_implicit : Scope::global_implicit;
        }
        t.scopes[name] = s;
    }
    if (t.kind == K::klass && t.needs_class_cell) {
        t.scopes["__class__"] = Scope::cell;
        if (!t.flags.count("__class__")) t.order.push_back("__class__");
    }
    std::set<std::string> child_enclosing = enclosing;
    if (t.kind == K::function || t.kind == K::comprehension) {
        for (auto& n : local) child_enclosing.insert(n);
        for (auto& [name, s] : t.scopes)
            if (s == Scope::free) child_enclosing.insert(name);
        for (auto& [name, s] : t.scopes)
            if (s == Scope::global_explicit) child_enclosing.erase(name);
    } else if (t.kind == K::klass) {
        if (t.needs_class_cell) child_enclosing.insert("__class__");
    } else {
        child_enclosing.clear();
    }
    std::set<std::string> needed;
    for (auto& c : t.children) {
        for (auto& name : analyze(*c, child_enclosing, source)) {
            if (t.kind == K::klass && name == "__class__" && t.needs_class_cell) continue;
            auto it = t.scopes.find(name);
            if ((t.kind == K::function || t.kind == K::comprehension) && it != t.scopes.end() && it->second == Scope::local) {
                it->second = Scope::cell;
            } else if (it != t.scopes.end() && it->second == Scope::cell) {
            } else if (it == t.scopes.end() || it->second == Scope::global_implicit || t.kind == K::klass) {
                // Pass-through: this block does not bind it, so it is free here too.
                if (t.kind == K::klass) {
                    if (it == t.scopes.end()) {
                        t.order.push_back(name);
                        t.flags[name] |= SymbolTable::kDefFreeClass;
                        t.scopes[name] = Scope::free;
                    } else if (it->second != Scope::local) {
                        it->second = Scope::free;
                    } else {
                        t.flags[name] |= SymbolTable::kDefFreeClass;  // both a class name and free
                    }
                } else {
                    if (it == t.scopes.end()) t.order.push_back(name);
                    t.scopes[name] = Scope::free;
                }
                needed.insert(name);
            }
        }
    }
    for (auto& [name, s] : t.scopes)
        if (s == Scope::free) needed.insert(name);
    (void)source;
    return needed;
}

}  // namespace

SymbolTables build_symbol_tables(const ast::Module& m, std::string_view filename, std::string_view source) {
    (void)filename;
    SymbolTables out;
    Builder b(out, source);
    b.module(m);
    analyze(*out.top, {}, source);
    return out;
}

}  // namespace looplab::py
