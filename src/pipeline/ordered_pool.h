// A worker pool that transforms items in parallel and hands results back in submission order,
// so a multi-threaded run makes exactly the same decisions (dedup keeps the first copy) as a
// single-threaded one. Tested in tests/pipeline/ordered_pool_test.cc.
#ifndef KLARTEXT_PIPELINE_ORDERED_POOL_H_
#define KLARTEXT_PIPELINE_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace klartext::pipeline {

// Usage (one driver thread):
//   OrderedPool<In, Out> pool(threads, 256, work);
//   for each item: while (pool.full()) consume(pool.pop()); pool.push(item);
//   while (pool.pending()) consume(pool.pop());
// With threads <= 1, push() runs `work` inline: no threads at all.
// At most `max_in_flight` items are held, which bounds memory.
template <typename In, typename Out>
class OrderedPool {
 public:
  OrderedPool(int threads, size_t max_in_flight, std::function<Out(In&)> work)
      : work_(std::move(work)), max_in_flight_(max_in_flight ? max_in_flight : 1) {
    if (threads > 1)
      for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { run(); });
  }
  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : workers_) t.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  bool full() const { return pending() >= max_in_flight_; }
  size_t pending() const { return slots_.size(); }

  // Adds an item. The caller must pop() first when full().
  void push(In item) {
    if (workers_.empty()) {
      Slot s;
      s.result = work_(item);
      slots_.push_back(std::move(s));
      return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    Slot s;
    s.input = std::move(item);
    s.sequence = next_sequence_++;
    slots_.push_back(std::move(s));
    todo_.push_back(&slots_.back());
    work_ready_.notify_one();
  }

  // Waits for and returns the oldest item's result. Requires pending() > 0.
  Out pop() {
    if (workers_.empty()) {
      Out out = std::move(*slots_.front().result);
      slots_.pop_front();
      return out;
    }
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [this] { return slots_.front().result.has_value(); });
    Out out = std::move(*slots_.front().result);
    slots_.pop_front();
    return out;
  }

 private:
  struct Slot {
    std::optional<In> input;
    std::optional<Out> result;
    uint64_t sequence = 0;
  };

  void run() {
    for (;;) {
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_ready_.wait(lock, [this] { return stopping_ || !todo_.empty(); });
        if (todo_.empty()) return;
        slot = todo_.front();
        todo_.pop_front();
      }
      // std::deque keeps element addresses stable under push_back/pop_front, and a slot is only
      // popped after its result is set, so `slot` stays valid while we work on it.
      Out out = work_(*slot->input);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slot->input.reset();
        slot->result = std::move(out);
      }
      done_.notify_all();
    }
  }

  std::function<Out(In&)> work_;
  size_t max_in_flight_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable done_;
  std::deque<Slot> slots_;
  std::deque<Slot*> todo_;
  uint64_t next_sequence_ = 0;
  bool stopping_ = false;
};

}  // namespace klartext::pipeline

#endif  // KLARTEXT_PIPELINE_ORDERED_POOL_H_
