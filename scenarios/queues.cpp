// Scenarios about asyncio queues (tutorial 002, chapter 12): the cashier queue, a bounded
// producer/consumer, PriorityQueue and LifoQueue order, and a forgotten task_done().
#include "looplab/gather.hpp"
#include "looplab/queue.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

// `await queue.join()` as the coroutine gather() wraps in a task.
template <class Q>
Coroutine<void> join_queue(Q* queue) {
    co_await queue->join();
}

// --- cashier_queue -------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "队列" (baskets fixed instead of random.randrange)
struct Product {
    std::string name;
    double checkout_time;
};

struct Customer {
    int customer_id;
    std::vector<Product> products;
};

Coroutine<void> checkout_customer(Queue<Customer>* queue, int cashier_number) {
    while (!queue->empty()) {
        Customer customer = queue->get_nowait();
        print(format("收营员 %d 结账客户 %d", cashier_number, customer.customer_id));
        for (auto& product : customer.products) {
            print(format("收营员 %d 正在给 %d 's 结算 %s", cashier_number, customer.customer_id, product.name.c_str()));
            co_await sleep(product.checkout_time);
        }
        print(format("收营员 %d 完成对 %d 的结算 t=%.1f", cashier_number, customer.customer_id, virtual_time()));
        queue->task_done();
    }
}

Coroutine<void> cashier_queue_amain() {
    Queue<Customer> customer_queue;
    std::vector<Product> all_products{{"beer", 2}, {"bananas", .5}, {"sausage", .2}, {"diapers", .2}};
    std::vector<std::vector<int>> baskets{{0, 1}, {2}, {3, 3, 1}, {}, {1, 0}, {2, 3}, {0}};
    for (size_t i = 0; i < baskets.size(); ++i) {
        Customer c{int(i), {}};
        for (int p : baskets[i]) c.products.push_back(all_products[p]);
        customer_queue.put_nowait(std::move(c));
    }
    std::vector<Future<void>> cashiers;
    for (int i = 0; i < 3; ++i) cashiers.push_back(create_task(checkout_customer(&customer_queue, i)));
    // gather(customer_queue.join(), *cashiers): the join() coroutine becomes a task now.
    std::vector<Future<void>> futs{ensure_future(join_queue(&customer_queue))};
    futs.insert(futs.end(), cashiers.begin(), cashiers.end());
    co_await gather(futs);
    print(format("all customers served at t=%.1f", virtual_time()));
}

// --- cashier_queue_endless -----------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "队列" (second version, blocking put/get, endless)
Coroutine<void> checkout_customer_blocking(Queue<Customer>* queue, int cashier_number) {
    while (true) {
        Customer customer = co_await queue->get();
        print(format("收营员 %d 结账客户 %d", cashier_number, customer.customer_id));
        for (auto& product : customer.products) {
            print(format("收营员 %d 正在给 %d 's 结算 %s", cashier_number, customer.customer_id, product.name.c_str()));
            co_await sleep(product.checkout_time);
        }
        print(format("收营员 %d 完成对 %d 的结算 t=%.1f", cashier_number, customer.customer_id, virtual_time()));
        queue->task_done();
    }
}

Customer generate_customer(int customer_id) {
    static const std::vector<Product> all_products{{"beer", 2}, {"bananas", .5}, {"sausage", .2}, {"diapers", .2}};
    Customer c{customer_id, {}};
    for (int k = 0; k < customer_id % 3 + 1; ++k) c.products.push_back(all_products[(customer_id + k) % 4]);
    return c;
}

Coroutine<void> customer_generator(Queue<Customer>* queue) {
    int customer_count = 0;
    while (true) {
        std::vector<Customer> customers;
        for (int i = customer_count; i < customer_count + 4; ++i) customers.push_back(generate_customer(i));
        for (auto& customer : customers) {
            print(format("客户正在等待排队... qsize=%zu", queue->qsize()));
            co_await queue->put(customer);
            print("客户已加入排队!");
        }
        customer_count = customer_count + int(customers.size());
        co_await sleep(1);
    }
}

Coroutine<void> cashier_queue_endless_amain() {
    Queue<Customer> customer_queue(5);
    std::vector<Future<void>> all{create_task(customer_generator(&customer_queue))};
    for (int i = 0; i < 3; ++i) all.push_back(create_task(checkout_customer_blocking(&customer_queue, i)));
    co_await gather(all);
}

// --- producer_consumer_queue ---------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "队列" (blocking put/get); -1 stands for None
Coroutine<void> producer(Queue<int>* queue, int n) {
    for (int i = 0; i < n; ++i) {
        print(format("producer: putting %d at t=%.1f", i, virtual_time()));
        co_await queue->put(i);
        print(format("producer: put %d, qsize()=%zu", i, queue->qsize()));
    }
    co_await queue->put(-1);
    print("producer: done");
}

Coroutine<void> consumer(Queue<int>* queue) {
    while (true) {
        int item = co_await queue->get();
        if (item == -1) break;
        print(format("consumer: got %d at t=%.1f", item, virtual_time()));
        co_await sleep(1);
        queue->task_done();
    }
    print(format("consumer: done at t=%.1f", virtual_time()));
}

Coroutine<void> producer_consumer_amain() {
    Queue<int> queue(1);
    co_await gather(producer(&queue, 4), consumer(&queue));
    print(format("full()=%s empty()=%s", py_bool(queue.full()), py_bool(queue.empty())));
}

// --- priority_queue ------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "优先级队列"
using Tuple = std::pair<int, std::string>;

// @dataclass(order=True) with `data: str = field(compare=False)`: compared by priority only.
struct PrioItem {
    int priority;
    std::string data;
};
struct PrioLess {
    bool operator()(const PrioItem& a, const PrioItem& b) const { return a.priority < b.priority; }
};

std::string show(const Tuple& t) { return format("(%d, %s)", t.first, py_repr(t.second).c_str()); }
std::string show(const PrioItem& w) { return format("WorkItem(priority=%d, data=%s)", w.priority, py_repr(w.data).c_str()); }

template <class Q>
Coroutine<void> prio_worker(Q* queue) {
    while (!queue->empty()) {
        auto work_item = co_await queue->get();
        print("Processing work item " + show(work_item));
        queue->task_done();
    }
}

Coroutine<void> priority_queue_amain() {
    {
        PriorityQueue<Tuple> priority_queue;
        std::vector<Tuple> work_items{{3, "Lowest priority"}, {2, "Medium priority"}, {1, "High priority"}};
        Task<void> worker_task = create_task(prio_worker(&priority_queue));
        for (auto& work : work_items) priority_queue.put_nowait(work);
        co_await gather(ensure_future(join_queue(&priority_queue)), Future<void>(worker_task));
    }
    PriorityQueue<PrioItem, PrioLess> priority_queue;
    std::vector<PrioItem> work_items{{3, "Lowest priority"},         {2, "Medium priority"},
                                     {1, "High priority"},           {2, "Medium priority, second"},
                                     {1, "High priority, second"},   {2, "Medium priority, third"}};
    Task<void> worker_task = create_task(prio_worker(&priority_queue));
    for (auto& work : work_items) priority_queue.put_nowait(work);
    co_await gather(ensure_future(join_queue(&priority_queue)), Future<void>(worker_task));
}

// --- lifo_queue ----------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "栈 LIFO"
struct LifoItem {
    int priority;
    int order;
    std::string data;
};
std::string show(const LifoItem& w) {
    return format("WorkItem(priority=%d, order=%d, data=%s)", w.priority, w.order, py_repr(w.data).c_str());
}

Coroutine<void> lifo_worker(LifoQueue<LifoItem>* queue) {
    while (!queue->empty()) {
        LifoItem work_item = co_await queue->get();
        print("出栈: " + show(work_item));
        queue->task_done();
    }
}

Coroutine<void> lifo_queue_amain() {
    LifoQueue<LifoItem> lifo_queue;
    std::vector<LifoItem> work_items{
        {3, 1, "Lowest priority first"}, {3, 2, "Lowest priority second"}, {3, 3, "Lowest priority third"},
        {2, 4, "Medium priority"},       {1, 5, "High priority"},
    };
    Task<void> worker_task = create_task(lifo_worker(&lifo_queue));
    for (auto& work : work_items) {
        print("入栈: " + show(work));
        lifo_queue.put_nowait(work);
    }
    co_await gather(ensure_future(join_queue(&lifo_queue)), Future<void>(worker_task));
}

// --- deadlock_queue ------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "队列", with a forgotten task_done()
Coroutine<void> forgetful_consumer(Queue<int>* queue) {
    while (true) {
        int item = co_await queue->get();
        print(format("consumer got %d", item));
        if (item != 2) queue->task_done();
    }
}

Coroutine<void> deadlock_queue_amain() {
    Queue<int> queue;
    create_task(forgetful_consumer(&queue));
    for (int i = 0; i < 4; ++i) queue.put_nowait(i);
    co_await queue.join();
    print("never printed");
}

}  // namespace

LOOPLAB_SCENARIO(cashier_queue, "002: three cashiers serve a Queue of customers with get_nowait()") {
    run(cashier_queue_amain());
}

LOOPLAB_SCENARIO(cashier_queue_endless, "002: an endless customer generator feeds Queue(5); --until 6") {
    run(cashier_queue_endless_amain());
}

LOOPLAB_SCENARIO(producer_consumer_queue, "002: producer and consumer over Queue(maxsize=1)") {
    run(producer_consumer_amain());
}

LOOPLAB_SCENARIO(priority_queue, "002: PriorityQueue order for tuples and a compare=False dataclass") {
    run(priority_queue_amain());
}

LOOPLAB_SCENARIO(lifo_queue, "002: LifoQueue hands out the last item first") {
    run(lifo_queue_amain());
}

LOOPLAB_SCENARIO(deadlock_queue, "002: a forgotten task_done() leaves queue.join() waiting (exit 3)") {
    run(deadlock_queue_amain());
}
