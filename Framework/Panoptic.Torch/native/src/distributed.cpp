// Distributed (c10d): TCPStore, process groups (Gloo; NCCL when compiled in), collectives.
//
// Handles: pn_dist_store_* take a `pn::DistStore*` (a c10d::Store: the TCPStore, or a PrefixStore over it);
// pn_dist_group_* take a `pn::DistGroup*`. Both are owned by the caller and freed with their _free export.
// Every collective blocks until it completes (work->wait()); a failure (a peer that died, a timeout, a shape
// mismatch) comes back as the usual error sentinel with c10d's / Gloo's message. Collectives run under NoGradGuard
// so parameters (leaves that require grad) can be written in place.
//
// Lists: all_reduce and broadcast accept any list of dense tensors of one device. The tensors are flattened into
// one buffer per dtype (torch.distributed's coalesced path), reduced once, and copied back: a list costs one
// network round trip per dtype, whatever its length. Gloo has no AVG; avg is sum ÷ world size (floating only).
//
// Compile-time switches: USE_C10D_GLOO (CMake sets it when gloo's headers are found and libtorch links
// ProcessGroupGloo), USE_C10D_NCCL (CMake option PN_WITH_NCCL on a CUDA libtorch). A backend left out reports a
// clear error at run time.
#include "pn_common.h"

#include <ATen/core/grad_mode.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>

#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>

namespace pn {

struct DistStore {
  c10::intrusive_ptr<c10d::Store> store;
  int32_t port = 0;
};

// A process group of either backend: one interface over the concrete c10d classes, so the code below compiles
// against libtorch 1.13 (ProcessGroupGloo : ProcessGroup) and 2.x (ProcessGroupGloo : Backend) alike.
struct DistGroup {
  virtual ~DistGroup() = default;
  virtual c10::intrusive_ptr<c10d::Work> allreduce(std::vector<at::Tensor>& t, const c10d::AllreduceOptions& o) = 0;
  virtual c10::intrusive_ptr<c10d::Work> broadcast(std::vector<at::Tensor>& t, const c10d::BroadcastOptions& o) = 0;
  virtual c10::intrusive_ptr<c10d::Work> allgather(std::vector<std::vector<at::Tensor>>& out, std::vector<at::Tensor>& in,
                                                   const c10d::AllgatherOptions& o) = 0;
  virtual c10::intrusive_ptr<c10d::Work> barrier(const c10d::BarrierOptions& o) = 0;
  int32_t rank = 0;
  int32_t size = 1;
  int32_t backend = 0;
};

template <class PG>
struct DistGroupOf final : DistGroup {
  explicit DistGroupOf(c10::intrusive_ptr<PG> p) : pg(std::move(p)) {}
  c10::intrusive_ptr<c10d::Work> allreduce(std::vector<at::Tensor>& t, const c10d::AllreduceOptions& o) override {
    return pg->allreduce(t, o);
  }
  c10::intrusive_ptr<c10d::Work> broadcast(std::vector<at::Tensor>& t, const c10d::BroadcastOptions& o) override {
    return pg->broadcast(t, o);
  }
  c10::intrusive_ptr<c10d::Work> allgather(std::vector<std::vector<at::Tensor>>& out, std::vector<at::Tensor>& in,
                                           const c10d::AllgatherOptions& o) override {
    return pg->allgather(out, in, o);
  }
  c10::intrusive_ptr<c10d::Work> barrier(const c10d::BarrierOptions& o) override { return pg->barrier(o); }
  c10::intrusive_ptr<PG> pg;
};

}  // namespace pn

namespace {

// Backend ids shared with the managed Backend enum.
constexpr int32_t kGloo = 0;
constexpr int32_t kNccl = 1;

// Reduce ops shared with the managed ReduceOp enum.
constexpr int32_t kSum = 0;
constexpr int32_t kAvg = 1;
constexpr int32_t kProduct = 2;
constexpr int32_t kMin = 3;
constexpr int32_t kMax = 4;

std::chrono::milliseconds ms(int64_t value) { return std::chrono::milliseconds(value); }

c10d::ReduceOp reduce_op(int32_t op) {
  switch (op) {
    case kSum:
    case kAvg: return c10d::ReduceOp::SUM;
    case kProduct: return c10d::ReduceOp::PRODUCT;
    case kMin: return c10d::ReduceOp::MIN;
    case kMax: return c10d::ReduceOp::MAX;
    default: throw std::invalid_argument("unknown reduce op " + std::to_string(op));
  }
}

void wait(const c10::intrusive_ptr<c10d::Work>& work) {
  work->wait();
}

void check_dense(const std::vector<at::Tensor>& tensors, const char* what) {
  for (size_t i = 0; i < tensors.size(); ++i) {
    const auto& t = tensors[i];
    TORCH_CHECK(t.defined(), what, ": tensor ", i, " of the list is undefined");
    TORCH_CHECK(t.layout() == at::kStrided, what, ": tensor ", i, " is not dense (layout ", t.layout(), ")");
    TORCH_CHECK(t.device() == tensors[0].device(), what, ": tensor ", i, " is on ", t.device(), ", tensor 0 on ",
                tensors[0].device(), "; a list must be on one device");
  }
}

// Runs `collective` on one contiguous buffer per dtype holding all of `tensors`, then copies the results back into
// them. A single contiguous tensor is passed as is (no copy).
template <class Collective>
void coalesced(std::vector<at::Tensor>& tensors, Collective collective) {
  if (tensors.size() == 1 && tensors[0].is_contiguous()) {
    std::vector<at::Tensor> one{tensors[0]};
    collective(one);
    return;
  }
  std::map<int, std::vector<size_t>> by_dtype;  // ordered: every rank visits the dtypes in the same order
  for (size_t i = 0; i < tensors.size(); ++i) by_dtype[static_cast<int>(tensors[i].scalar_type())].push_back(i);
  for (auto& [dtype, indices] : by_dtype) {
    std::vector<at::Tensor> pieces;
    pieces.reserve(indices.size());
    for (auto i : indices) pieces.push_back(tensors[i].reshape({-1}));
    std::vector<at::Tensor> flat{at::cat(pieces)};
    collective(flat);
    int64_t offset = 0;
    for (auto i : indices) {
      const auto n = tensors[i].numel();
      tensors[i].copy_(flat[0].narrow(0, offset, n).view(tensors[i].sizes()));
      offset += n;
    }
  }
}

void require_rank(const pn::DistGroup& g, int64_t rank, const char* what) {
  TORCH_CHECK(rank >= 0 && rank < g.size, what, ": rank ", rank, " is outside the group of ", g.size);
}

#ifdef USE_C10D_GLOO
bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::shared_ptr<::gloo::transport::Device> gloo_device(const std::string& interface_host, const std::string& master) {
  // torch.distributed: GLOO_SOCKET_IFNAME names the interface; else the host name's address. On one machine
  // (the master on loopback) loopback always works, also where the host name resolves to nothing useful.
  if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname != nullptr && *ifname != '\0')
    return c10d::ProcessGroupGloo::createDeviceForInterface(ifname);
  if (!interface_host.empty()) return c10d::ProcessGroupGloo::createDeviceForHostname(interface_host);
  if (is_loopback(master)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  return c10d::ProcessGroupGloo::createDefaultDevice();
}
#endif

}  // namespace

// ---------------------------------------------------------------------------------------------------------- store

// A TCPStore: the server on `is_master` (port 0 picks a free one; see pn_dist_store_port), else a client that
// connects to host:port, retrying until `timeout_ms`. With `wait_for_workers`, construction returns once
// `world_size` stores (the master included) have joined. `timeout_ms` is also the store's get/wait timeout.
PN_API pn::DistStore* pn_dist_store_tcp(const char* host, int32_t port, int32_t world_size, int32_t is_master,
                                        int64_t timeout_ms, int32_t wait_for_workers) {
  try {
    TORCH_CHECK(port >= 0 && port <= 65535, "TCPStore: port ", port, " is outside 0..65535");
    TORCH_CHECK(port != 0 || is_master, "TCPStore: a client needs the master's port (0 is only for the master)");
    TORCH_CHECK(world_size >= 1, "TCPStore: world size ", world_size, " must be at least 1");
    TORCH_CHECK(timeout_ms > 0, "TCPStore: timeout must be positive (got ", timeout_ms, " ms)");
    c10d::TCPStoreOptions opts;
    opts.port = static_cast<std::uint16_t>(port);
    opts.isServer = is_master != 0;
    opts.numWorkers = static_cast<std::size_t>(world_size);
    opts.waitWorkers = wait_for_workers != 0;
    opts.timeout = ms(timeout_ms);
    auto tcp = c10::make_intrusive<c10d::TCPStore>(std::string(host), opts);
    auto* s = new pn::DistStore();
    s->port = tcp->getPort();
    s->store = tcp;
    return s;
  }
  PN_CATCH(nullptr)
}

// A view of `store` whose keys are prefixed with `prefix/` (c10d::PrefixStore): groups made over different
// prefixes of one TCPStore never see each other's keys.
PN_API pn::DistStore* pn_dist_store_prefix(const pn::DistStore* store, const char* prefix) {
  try {
    auto* s = new pn::DistStore();
    s->store = c10::make_intrusive<c10d::PrefixStore>(std::string(prefix), store->store);
    s->port = store->port;
    return s;
  }
  PN_CATCH(nullptr)
}

PN_API void pn_dist_store_free(pn::DistStore* store) { delete store; }

PN_API int32_t pn_dist_store_port(const pn::DistStore* store) { return store->port; }

PN_API int32_t pn_dist_store_set(pn::DistStore* store, const char* key, const uint8_t* value, int64_t length) {
  PN_STATUS(store->store->set(key, std::vector<uint8_t>(value, value + length)))
}

namespace {
thread_local std::vector<uint8_t> g_value;
}

// Fetches `key` (waiting up to the store's timeout for it to be set) into a per-thread buffer and returns its
// length; pn_dist_store_take copies it out.
PN_API int64_t pn_dist_store_get(pn::DistStore* store, const char* key) {
  try {
    g_value = store->store->get(key);
    return static_cast<int64_t>(g_value.size());
  }
  PN_CATCH(-1)
}

PN_API int64_t pn_dist_store_take(uint8_t* buffer, int64_t capacity) {
  const auto n = std::min<int64_t>(capacity, static_cast<int64_t>(g_value.size()));
  std::copy(g_value.begin(), g_value.begin() + n, buffer);
  g_value.clear();
  return n;
}

// Adds `delta` to the integer at `key` (created as 0); the new value goes to *value.
PN_API int32_t pn_dist_store_add(pn::DistStore* store, const char* key, int64_t delta, int64_t* value) {
  PN_STATUS(*value = store->store->add(key, delta))
}

// 1 when every key is set, 0 when one is missing.
PN_API int32_t pn_dist_store_check(pn::DistStore* store, const char* const* keys, int32_t n) {
  try {
    std::vector<std::string> k(keys, keys + n);
    return store->store->check(k) ? 1 : 0;
  }
  PN_CATCH(-1)
}

// Waits until every key is set; an error after `timeout_ms`.
PN_API int32_t pn_dist_store_wait(pn::DistStore* store, const char* const* keys, int32_t n, int64_t timeout_ms) {
  PN_STATUS({
    std::vector<std::string> k(keys, keys + n);
    store->store->wait(k, ms(timeout_ms));
  })
}

// ---------------------------------------------------------------------------------------------------------- group

// 1 when `backend` (0 gloo, 1 nccl) was compiled in.
PN_API int32_t pn_dist_backend_available(int32_t backend) {
#ifdef USE_C10D_GLOO
  if (backend == kGloo) return 1;
#endif
#ifdef USE_C10D_NCCL
  if (backend == kNccl) return 1;
#endif
  return 0;
}

// A process group over `store` (rendezvous through it): `rank` of `size`, collectives failing after `timeout_ms`.
// Gloo: TCP transport on `interface_host`'s address when given, else GLOO_SOCKET_IFNAME's interface, else
// loopback when `master_host` is a loopback address, else the host name's address (torch's default device).
PN_API pn::DistGroup* pn_dist_group_new(pn::DistStore* store, int32_t backend, int32_t rank, int32_t size,
                                        int64_t timeout_ms, const char* interface_host, const char* master_host,
                                        int32_t threads) {
  try {
    TORCH_CHECK(size >= 1, "process group: world size ", size, " must be at least 1");
    TORCH_CHECK(rank >= 0 && rank < size, "process group: rank ", rank, " is outside 0..", size - 1);
    TORCH_CHECK(timeout_ms > 0, "process group: timeout must be positive (got ", timeout_ms, " ms)");
    std::unique_ptr<pn::DistGroup> group;
    if (backend == kGloo) {
#ifdef USE_C10D_GLOO
      auto options = c10d::ProcessGroupGloo::Options::create(ms(timeout_ms));
      options->devices.push_back(gloo_device(interface_host == nullptr ? "" : interface_host,
                                             master_host == nullptr ? "" : master_host));
      if (threads > 0) options->threads = threads;
      group = std::make_unique<pn::DistGroupOf<c10d::ProcessGroupGloo>>(
          c10::make_intrusive<c10d::ProcessGroupGloo>(store->store, rank, size, options));
#else
      throw std::runtime_error(
          "the gloo backend is not compiled into libpanoptic_torch: gloo's headers were not found when it was built "
          "(Debian: apt-get install libgloo-dev, then rebuild), or libtorch was built without USE_C10D_GLOO");
#endif
    } else if (backend == kNccl) {
#ifdef USE_C10D_NCCL
      auto options = c10d::ProcessGroupNCCL::Options::create();
      options->timeout = ms(timeout_ms);
      group = std::make_unique<pn::DistGroupOf<c10d::ProcessGroupNCCL>>(
          c10::make_intrusive<c10d::ProcessGroupNCCL>(store->store, rank, size, options));
#else
      throw std::runtime_error(
          "the nccl backend is not compiled into libpanoptic_torch (it needs a CUDA libtorch with NCCL and the CMake "
          "option -DPN_WITH_NCCL=ON); use the gloo backend");
#endif
    } else {
      throw std::invalid_argument("unknown backend " + std::to_string(backend));
    }
    group->rank = rank;
    group->size = size;
    group->backend = backend;
    return group.release();
  }
  PN_CATCH(nullptr)
}

// Destroys the group (torch.distributed.destroy_process_group): waits for queued work, stops its threads.
PN_API void pn_dist_group_free(pn::DistGroup* group) {
  try {
    delete group;
  }
  catch (...) {
  }
}

PN_API int32_t pn_dist_group_rank(const pn::DistGroup* group) { return group->rank; }
PN_API int32_t pn_dist_group_size(const pn::DistGroup* group) { return group->size; }

// Reduces each tensor of the list across the group, in place (every rank ends with the result).
PN_API int32_t pn_dist_all_reduce(pn::DistGroup* group, at::Tensor** tensors, int32_t n, int32_t op,
                                  int64_t timeout_ms) {
  PN_STATUS({
    if (n == 0) return 0;
    at::NoGradGuard no_grad;
    auto list = pn::list(tensors, n);
    check_dense(list, "all_reduce");
    if (op == kAvg) {
      for (const auto& t : list)
        TORCH_CHECK(at::isFloatingType(t.scalar_type()) || at::isComplexType(t.scalar_type()),
                    "all_reduce: avg needs floating tensors (got ", t.scalar_type(), ")");
    }
    c10d::AllreduceOptions options;
    options.reduceOp = reduce_op(op);
    if (timeout_ms > 0) options.timeout = ms(timeout_ms);
    coalesced(list, [&](std::vector<at::Tensor>& flat) {
      wait(group->allreduce(flat, options));
      if (op == kAvg && group->size > 1) flat[0].div_(group->size);
    });
  })
}

// Copies rank `root`'s tensors into every other rank's, in place.
PN_API int32_t pn_dist_broadcast(pn::DistGroup* group, at::Tensor** tensors, int32_t n, int32_t root,
                                 int64_t timeout_ms) {
  PN_STATUS({
    if (n == 0) return 0;
    at::NoGradGuard no_grad;
    require_rank(*group, root, "broadcast");
    auto list = pn::list(tensors, n);
    check_dense(list, "broadcast");
    c10d::BroadcastOptions options;
    options.rootRank = root;
    options.rootTensor = 0;
    if (timeout_ms > 0) options.timeout = ms(timeout_ms);
    coalesced(list, [&](std::vector<at::Tensor>& flat) { wait(group->broadcast(flat, options)); });
  })
}

// Every rank's `input` (same shape and dtype on every rank), in rank order: `size` new tensors into out[].
PN_API int32_t pn_dist_all_gather(pn::DistGroup* group, const at::Tensor* input, at::Tensor** out, int32_t capacity,
                                  int64_t timeout_ms) {
  try {
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> in{input->contiguous()};
    check_dense(in, "all_gather");
    std::vector<std::vector<at::Tensor>> outputs(1);
    for (int32_t r = 0; r < group->size; ++r) outputs[0].push_back(at::empty_like(in[0]));
    c10d::AllgatherOptions options;
    if (timeout_ms > 0) options.timeout = ms(timeout_ms);
    wait(group->allgather(outputs, in, options));
    return pn::emit(outputs[0], out, capacity);
  }
  PN_CATCH(-1)
}

// Returns once every rank of the group has entered the barrier.
PN_API int32_t pn_dist_barrier(pn::DistGroup* group, int64_t timeout_ms) {
  PN_STATUS({
    c10d::BarrierOptions options;
    if (timeout_ms > 0) options.timeout = ms(timeout_ms);
    wait(group->barrier(options));
  })
}
