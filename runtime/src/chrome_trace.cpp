// `--trace OUT.json`: the trace in Chrome Trace Event Format, for Perfetto and
// chrome://tracing. Layout, display-time rule and names: docs/chrome-trace.md.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <ostream>
#include <unordered_map>
#include <vector>

#include "looplab/trace_export.hpp"
#include "trace_export_names.hpp"

namespace looplab {

namespace {

using namespace exports;

// A step or callback that takes no virtual time is drawn this wide (ns): visible, and short
// next to any real sleep.
constexpr int64_t kMinSliceNs = 1000;
// Task tracks are tid 100000 + the task's creation number; a thread's holder track is
// tid thread + 1 (Perfetto treats pid 0 and tid 0 specially: google/perfetto#394).
constexpr uint32_t kTaskTidBase = 100000;

int64_t to_ns(double t) {
    if (!(t > 0)) return 0;
    if (t > 9e9) return int64_t(9e18);  // far beyond any run; keeps int64 arithmetic safe
    return std::llround(t * 1e9);
}

// Microseconds, exact to the nanosecond: 1500000, 1500000.001.
void append_ts(std::string& out, int64_t ns) {
    append_uint(out, uint64_t(ns / 1000));
    if (int r = int(ns % 1000)) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", r);
        std::string frac = buf;
        while (frac.back() == '0') frac.pop_back();
        out += frac;
    }
}

class ChromeTrace {
public:
    explicit ChromeTrace(const Tracer& tr) : tr_(tr), n_(tr) {}

    void build() {
        const EventLog& log = tr_.events();
        for (size_t i = 0; i < log.size(); ++i) {
            TraceEvent next = i + 1 < log.size() ? log[i + 1] : TraceEvent{};
            add(log[i], i + 1 < log.size() ? &next : nullptr);
        }
        close_activity();
        int64_t end = now_ + kMinSliceNs;
        for (auto& [id, t] : tasks_) end_state(t, end, tr_.events().empty() ? 0 : tr_.events().back().time);
    }

    void write(std::ostream& out) {
        std::stable_sort(events_.begin(), events_.end(), [](const Ev& a, const Ev& b) { return a.ts < b.ts; });
        out << "{\"traceEvents\":[\n";
        bool first = true;
        auto put = [&](const std::string& json) {
            if (!first) out << ",\n";
            first = false;
            out << json;
        };
        for (const std::string& m : metadata()) put(m);
        for (const Ev& e : events_) put(e.json);
        out << "\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{\"generator\":\"LoopLab\",\"format\":1,"
               "\"time\":\"ts = virtual time in microseconds; zero-time steps are drawn 1 us wide and "
               "later events shifted to keep order; args.t is the virtual time in seconds "
               "(docs/chrome-trace.md)\"}}\n";
    }

private:
    struct Ev {
        int64_t ts;
        std::string json;
    };
    enum class ActKind { none, step, callback, outside };
    struct Activity {
        ActKind kind = ActKind::none;
        int64_t start = 0;
        double t0 = 0, t1 = 0;
        uint32_t pid = 0, tid = 0;  // the holder track
        uint32_t task = 0;          // step: the task
        uint32_t tick = 0, step = 0;
        uint16_t loop = 0;
        std::string name;
        const char* cat = "";
        std::string end;  // step: how it ended ("awaits sleep"…)
    };
    struct Flow {
        uint64_t id;
        const char* cat;  // "create" or "wakeup"
        uint32_t pid, tid;
        int64_t ts;
    };
    enum class State { none, ready, waiting, done };
    struct TaskTrack {
        uint32_t pid = 1, tid = 0;
        State state = State::none;
        int64_t since = 0;
        double t_since = 0;
        std::string what;  // "waiting: sleep"
        std::vector<Flow> flows_in;
    };

    // --- output ----------------------------------------------------------------------------
    // One event; `args` is a JSON object's members without braces, `extra` raw members.
    void emit(char ph, const char* cat, std::string_view name, uint32_t pid, uint32_t tid, int64_t ts, int64_t dur,
              const std::string& args, const char* extra = "") {
        std::string j;
        Obj o(j);
        o.str("ph", std::string_view(&ph, 1)).str("cat", cat).str("name", name).uint("pid", pid).uint("tid", tid);
        o.key("ts");
        append_ts(j, ts);
        if (dur >= 0) {
            o.key("dur");
            append_ts(j, dur);
        }
        if (*extra) j += extra;
        if (!args.empty()) o.raw("args", "{" + args + "}");
        o.close();
        events_.push_back(Ev{ts, std::move(j)});
    }
    template <class Fill>
    static std::string args_of(Fill fill) {
        std::string s;
        Obj o(s);
        fill(o);
        o.close();
        return s.substr(1, s.size() - 2);
    }
    void instant(const char* cat, std::string_view name, uint32_t pid, uint32_t tid, const std::string& args) {
        emit('i', cat, name, pid, tid, mark_, -1, args, ",\"s\":\"t\"");
    }

    std::vector<std::string> metadata() {
        std::vector<std::string> out;
        auto meta = [&](const char* what, uint32_t pid, uint32_t tid, const std::string& key, const std::string& value) {
            std::string j = "{\"ph\":\"M\",\"name\":\"" + std::string(what) + "\",\"pid\":" + std::to_string(pid) +
                            ",\"tid\":" + std::to_string(tid) + ",\"args\":{\"" + key + "\":" + value + "}}";
            out.push_back(std::move(j));
        };
        for (auto& pt : holders_) {
            uint32_t pid = pt.first, thread = pt.second;
            if (thread == 0) {
                meta("process_name", pid, 1, "name", json_quote(pid == 1 ? "LoopLab main process" : "LoopLab process " + std::to_string(pid - 1)));
                meta("process_sort_index", pid, 1, "sort_index", std::to_string(pid));
            }
            std::string tname = thread == 0 ? "MainThread" : "Thread " + std::to_string(thread);
            meta("thread_name", pid, thread + 1, "name", json_quote(tname + " (loop holder)"));
            meta("thread_sort_index", pid, thread + 1, "sort_index", std::to_string(thread));
        }
        std::vector<std::pair<uint32_t, uint32_t>> order;  // tid, task id
        for (auto& [id, t] : tasks_) order.emplace_back(t.tid, id);
        std::sort(order.begin(), order.end());
        for (auto& [tid, id] : order) {
            meta("thread_name", tasks_[id].pid, tid, "name", json_quote(n_.track_name(id)));
            meta("thread_sort_index", tasks_[id].pid, tid, "sort_index", std::to_string(tid));
        }
        return out;
    }

    // --- tracks ------------------------------------------------------------------------------
    std::pair<uint32_t, uint32_t> holder_track(uint16_t process, uint16_t thread) {
        uint32_t pid = uint32_t(process) + 1;
        holders_.insert({pid, 0});  // every process shows its main thread's holder track
        holders_.insert({pid, thread});
        return {pid, uint32_t(thread) + 1};
    }
    // Where an event that is not about a particular task is drawn: the running task's track
    // during a step, otherwise the holder track.
    std::pair<uint32_t, uint32_t> current_track(const TraceEvent& e) {
        if (act_.kind == ActKind::step) return {track(act_.task).pid, track(act_.task).tid};
        if (act_.kind != ActKind::none) return {act_.pid, act_.tid};
        return holder_track(e.process, e.thread);
    }
    std::pair<uint32_t, uint32_t> task_or_current(uint32_t task, const TraceEvent& e) {
        auto it = tasks_.find(task);
        if (task && it != tasks_.end()) return {it->second.pid, it->second.tid};
        return current_track(e);
    }

    // A task's track: pid from the process that created it, tid from its creation number.
    TaskTrack& track(uint32_t task) {
        TaskTrack& t = tasks_[task];
        if (t.tid == 0) {
            const TraceNames::Task* info = n_.task(task);
            t.pid = info ? uint32_t(info->process) + 1 : 1;
            // A task created before tracing began has no number: keep it clear of the others.
            t.tid = info ? kTaskTidBase + info->ordinal : 2 * kTaskTidBase + task;
        }
        return t;
    }
    // A task's state between its steps, drawn as a slice on its track.
    void end_state(TaskTrack& t, int64_t at, double t_at) {
        if ((t.state == State::ready || t.state == State::waiting) && at > t.since) {
            std::string a = args_of([&](Obj& o) { o.num("t", t.t_since).num("t_end", t_at); });
            emit('X', "state", t.what, t.pid, t.tid, t.since, at - t.since, a);
        }
        if (t.state != State::done) t.state = State::none;
    }
    void set_state(TaskTrack& t, State s, std::string what, int64_t at, double t_at) {
        t.state = s;
        t.what = std::move(what);
        t.since = at;
        t.t_since = t_at;
    }

    // --- activities: what holds the loop ------------------------------------------------------
    void open(ActKind kind, const TraceEvent& e, std::string name, const char* cat) {
        act_ = Activity{};
        act_.kind = kind;
        act_.start = now_;
        act_.t0 = act_.t1 = e.time;
        std::tie(act_.pid, act_.tid) = holder_track(e.process, e.thread);
        act_.tick = e.tick;
        act_.loop = e.kind == EventKind::loop_created ? 0 : e.loop;
        act_.name = std::move(name);
        act_.cat = cat;
    }
    void close_activity() {
        if (act_.kind == ActKind::none) return;
        int64_t end = std::max(act_.start + kMinSliceNs, now_ + 1);
        std::string a = args_of([&](Obj& o) {
            if (act_.kind == ActKind::step) o.str("task", n_.track_name(act_.task)).uint("step", act_.step);
            o.uint("loop", act_.loop).uint("tick", act_.tick).num("t", act_.t0).num("t_end", act_.t1);
            if (act_.kind == ActKind::step) o.str("end", act_.end.empty() ? "run ended" : act_.end);
        });
        emit('X', act_.cat, act_.name, act_.pid, act_.tid, act_.start, end - act_.start, a);
        if (act_.kind == ActKind::step) {
            TaskTrack& t = track(act_.task);
            std::string label = "step " + std::to_string(act_.step) + ": " + (act_.end.empty() ? "run ended" : act_.end);
            emit('X', "step", label, t.pid, t.tid, act_.start, end - act_.start, a);
        }
        now_ = end;
        act_.kind = ActKind::none;
    }

    void add_flow_in(uint32_t task, const char* cat, const TraceEvent& e) {
        auto [pid, tid] = current_track(e);
        track(task).flows_in.push_back(Flow{++flow_ids_, cat, pid, tid, mark_});
    }

    // --- one event ---------------------------------------------------------------------------
    void add(const TraceEvent& e, const TraceEvent* next) {
        n_.observe(e);
        // Source lines and queue contents are for the GUI's model: they take no display time
        // and open no slice, so a trace reads the same with or without them.
        if (e.kind == EventKind::task_line || e.kind == EventKind::queue_items) return;
        // A callback (or code outside the loop) holds the loop until the loop takes over again:
        // it ends where its last event was drawn, before the clock moves on.
        // The loop jumps the clock when it has nothing ready (a timer fires next, or the run
        // ends at --until); any other jump is time.sleep() inside whatever holds the loop.
        bool idle_jump = e.kind == EventKind::clock_jump && (!next || next->kind == EventKind::timer_fired);
        bool loop_level = e.kind == EventKind::step_begin || e.kind == EventKind::handle_run || idle_jump ||
                          e.kind == EventKind::timer_fired || e.kind == EventKind::deadlock;
        if (act_.kind == ActKind::callback || act_.kind == ActKind::outside) {
            if (loop_level || (e.kind != EventKind::loop_created && e.loop != act_.loop)) close_activity();
        }
        if (e.kind == EventKind::step_begin) close_activity();  // only a run that ended inside a step leaves one open
        now_ = std::max(now_, to_ns(e.time));
        if (e.kind == EventKind::step_begin) {
            open(ActKind::step, e, n_.track_name(e.subject), "holder");
            act_.task = e.subject;
            act_.step = n_.task(e.subject) ? n_.task(e.subject)->steps : 0;
        } else if (e.kind == EventKind::handle_run) {
            std::string name = HandleKind(e.arg) == HandleKind::future_callback ? "future callback: " + n_.future(e.subject)
                               : n_.timer(e.subject)                            ? std::string("timer callback")
                                                                                : std::string("callback");
            open(ActKind::callback, e, name, "callback");
        } else if (act_.kind == ActKind::none && !loop_level && e.kind != EventKind::step_end) {
            open(ActKind::outside, e, e.loop == 0 || e.kind == EventKind::loop_created ? "main program" : "event loop " + std::to_string(e.loop),
                 "main");
        }
        // Inside a slice every event takes 1 ns, so each one is drawn at its own time and
        // strictly inside the slice; between slices (clock jumps, timers firing) no time passes.
        if (act_.kind != ActKind::none) {
            mark_ = ++now_;
            act_.t1 = e.time;
        } else {
            mark_ = now_;
        }

        switch (e.kind) {
        case EventKind::task_created: {
            TaskTrack& t = track(e.subject);
            set_state(t, State::ready, "ready", mark_, e.time);
            add_flow_in(e.subject, "create", e);
            break;
        }
        case EventKind::task_renamed: {
            auto [pid, tid] = task_or_current(e.subject, e);
            instant("task", "renamed to " + n_.str(e.arg), pid, tid, args_of([&](Obj& o) {
                        o.str("old_name", n_.old_name()).str("new_name", n_.str(e.arg)).num("t", e.time);
                    }));
            break;
        }
        case EventKind::step_begin: {
            TaskTrack& t = track(e.subject);
            end_state(t, act_.start, e.time);
            for (const Flow& f : t.flows_in) {
                std::string id = ",\"id\":" + std::to_string(f.id);
                const char* name = f.cat == std::string_view("create") ? "create" : "wake-up";
                emit('s', f.cat, name, f.pid, f.tid, f.ts, -1, "", id.c_str());
                id += ",\"bp\":\"e\"";
                emit('f', f.cat, name, t.pid, t.tid, mark_, -1, "", id.c_str());
            }
            t.flows_in.clear();
            break;
        }
        case EventKind::step_end: {
            StepEnd end = StepEnd(e.arg);
            std::string on = end == StepEnd::awaiting_future ? n_.future(e.object) : "";
            switch (end) {
            case StepEnd::awaiting_future: act_.end = "awaits " + on; break;
            case StepEnd::bare_yield: act_.end = "yields"; break;
            case StepEnd::returned: act_.end = "returns"; break;
            case StepEnd::raised: act_.end = "raises"; break;
            case StepEnd::cancelled: act_.end = "cancelled"; break;
            }
            uint32_t task = act_.task;
            close_activity();
            TaskTrack& t = track(task);
            if (end == StepEnd::awaiting_future) set_state(t, State::waiting, "waiting: " + on, now_, e.time);
            else if (end == StepEnd::bare_yield) set_state(t, State::ready, "ready", now_, e.time);
            else t.state = State::done;
            break;
        }
        case EventKind::handle_scheduled:
            if (HandleKind(e.arg) == HandleKind::task_wakeup) {
                TaskTrack& t = track(e.subject);
                end_state(t, mark_, e.time);
                if (t.state != State::done) set_state(t, State::ready, "ready", mark_, e.time);
                add_flow_in(e.subject, "wakeup", e);
            }
            break;
        case EventKind::clock_jump: {
            auto [pid, tid] = holder_track(e.process, e.thread);
            double from = e.arg < tr_.numbers().size() ? tr_.numbers()[e.arg] : NAN;
            // A global instant: a line across every track (and no clash with the slice that
            // starts at the same time on the holder track).
            emit('i', "clock", "clock jumps to " + format_time(e.time), pid, tid, mark_, -1,
                 args_of([&](Obj& o) { o.num("from", from).num("to", e.time).num("t", e.time); }), ",\"s\":\"g\"");
            break;
        }
        case EventKind::cancel_requested: {
            auto [pid, tid] = current_track(e);
            std::string target = n_.future(e.subject);
            instant("cancel", "cancel " + target, pid, tid, args_of([&](Obj& o) {
                        o.str("target", target).name_or_null("by", n_.task_name(e.object));
                        if (e.arg) o.str("message", n_.str(e.arg));
                        else o.null("message");
                        o.num("t", e.time);
                    }));
            break;
        }
        case EventKind::cancel_delivered: {
            auto [pid, tid] = task_or_current(e.subject, e);
            instant("cancel", "CancelledError thrown in", pid, tid,
                    args_of([&](Obj& o) { o.name_or_null("task", n_.task_name(e.subject)).num("t", e.time); }));
            break;
        }
        case EventKind::primitive_op: {
            auto [pid, tid] = task_or_current(e.object, e);
            PrimitiveOp op = PrimitiveOp(e.arg & 0xFF);
            const TraceNames::Primitive* p = n_.primitive(e.subject);
            std::string pname = p ? p->name : "primitive " + std::to_string(e.subject);
            instant("primitive", std::string(primitive_op_name(op)) + " " + pname, pid, tid, args_of([&](Obj& o) {
                        o.str("primitive", pname).str("op", primitive_op_name(op)).name_or_null("task", n_.task_name(e.object));
                        if (const char* c = count_name(op)) o.uint(c, e.arg >> 8);
                        o.num("t", e.time);
                    }));
            break;
        }
        case EventKind::print: {
            auto [pid, tid] = task_or_current(e.object, e);
            instant("print", "print", pid, tid, args_of([&](Obj& o) {
                        o.str("text", n_.str(e.arg)).name_or_null("task", n_.task_name(e.object)).num("t", e.time);
                    }));
            break;
        }
        case EventKind::stderr_write: {
            auto [pid, tid] = task_or_current(e.object, e);
            instant("stderr", "stderr", pid, tid, args_of([&](Obj& o) {
                        o.str("text", n_.str(e.arg)).name_or_null("task", n_.task_name(e.object)).num("t", e.time);
                    }));
            break;
        }
        case EventKind::deadlock: {
            auto [pid, tid] = task_or_current(e.subject, e);
            std::string what = n_.future(e.object);
            instant("deadlock", "deadlock: waits for " + what, pid, tid,
                    args_of([&](Obj& o) { o.str("waits_for", what).num("t", e.time); }));
            break;
        }
        default: break;
        }
    }

    const Tracer& tr_;
    TraceNames n_;
    std::vector<Ev> events_;
    std::map<uint32_t, TaskTrack> tasks_;
    std::set<std::pair<uint32_t, uint32_t>> holders_;  // (pid, thread) seen
    Activity act_;
    int64_t now_ = 0;   // the display clock (ns): never behind the virtual clock
    int64_t mark_ = 0;  // where the current event is drawn
    uint64_t flow_ids_ = 0;
};

}  // namespace

void write_chrome_trace(const Tracer& tracer, std::ostream& out) {
    ChromeTrace t(tracer);
    t.build();
    t.write(out);
}

}  // namespace looplab
