// Mirrors CPython Lib/asyncio/tasks.py: shield() and its two closures.
#include "looplab/shield.hpp"

namespace looplab::detail {

namespace {
struct ShieldLink;

// What the outer future's done callback holds: a non-owning way back to the link.
struct ShieldWeak final : RefCounted {
    ShieldLink* link = nullptr;
};

// The closures' shared state. In CPython inner and outer reference each other through
// their callbacks, a cycle the garbage collector breaks. Here only the inner future's
// callback owns the link (and through it the outer future); the outer's callback reaches
// it through ShieldWeak, so nothing leaks when both are abandoned while pending.
struct ShieldLink final : RefCounted {
    FutureBase* inner = nullptr;  // alive while its callback holds this link
    Ref<FutureBase> outer;
    Ref<ShieldWeak> weak{new ShieldWeak};
    CopyResult copy = nullptr;

    ShieldLink() { weak->link = this; }
    ~ShieldLink() override { weak->link = nullptr; }

    static void inner_done(RefCounted* self, RefCounted* fut) {
        // _inner_done_callback(inner)
        auto& link = static_cast<ShieldLink&>(*self);
        FutureBase& inner = static_cast<FutureBase&>(*fut);
        FutureBase& outer = *link.outer;
        if (outer.cancelled()) {
            if (!inner.cancelled()) inner.exception();  // Mark inner's result as retrieved.
            return;
        }
        if (inner.cancelled()) {
            outer.cancel();
        } else if (std::exception_ptr exc = inner.exception()) {
            outer.set_exception(exc);
        } else {
            link.copy(inner, outer);
        }
    }

    static void outer_done(RefCounted* self, RefCounted*) {
        // _outer_done_callback(outer)
        ShieldLink* link = static_cast<ShieldWeak&>(*self).link;
        if (!link) return;  // inner finished and dropped its callback: inner.done() holds
        if (!link->inner->done()) link->inner->remove_done_callback(DoneCallback{&ShieldLink::inner_done, link});
    }
};
}  // namespace

Ref<FutureBase> shield_future(Ref<FutureBase> inner, Ref<FutureBase> (*make_outer)(EventLoop&), CopyResult copy) {
    if (inner->done()) return inner;  // Shortcut.
    Ref<ShieldLink> link(new ShieldLink);
    link->inner = inner.get();
    link->outer = make_outer(inner->get_loop());
    link->outer->set_label(FutureLabel::shield);
    link->copy = copy;
    inner->add_done_callback(DoneCallback{&ShieldLink::inner_done, link.get()});
    link->outer->add_done_callback(DoneCallback{&ShieldLink::outer_done, link->weak.get()});
    return link->outer;
}

}  // namespace looplab::detail
