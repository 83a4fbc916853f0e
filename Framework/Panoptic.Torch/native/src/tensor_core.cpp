// Tensor handles: lifetime, metadata, raw data in and out.
#include "pn_common.h"

PN_API void pn_tensor_free(at::Tensor* t) { delete t; }

PN_API int32_t pn_tensor_dim(const at::Tensor* t) {
  try {
    return static_cast<int32_t>(t->dim());
  }
  PN_CATCH(-1)
}

// Writes dim() sizes into out.
PN_API int32_t pn_tensor_sizes(const at::Tensor* t, int64_t* out) {
  PN_STATUS(auto s = t->sizes(); std::copy(s.begin(), s.end(), out))
}

PN_API int32_t pn_tensor_strides(const at::Tensor* t, int64_t* out) {
  PN_STATUS(auto s = t->strides(); std::copy(s.begin(), s.end(), out))
}

PN_API int64_t pn_tensor_numel(const at::Tensor* t) { return t->numel(); }
PN_API int32_t pn_tensor_dtype(const at::Tensor* t) { return static_cast<int32_t>(t->scalar_type()); }
PN_API int32_t pn_tensor_device_type(const at::Tensor* t) { return static_cast<int32_t>(t->device().type()); }
PN_API int32_t pn_tensor_device_index(const at::Tensor* t) { return t->device().index(); }
PN_API int32_t pn_tensor_is_contiguous(const at::Tensor* t) { return t->is_contiguous() ? 1 : 0; }
PN_API int32_t pn_tensor_defined(const at::Tensor* t) { return t->defined() ? 1 : 0; }
PN_API int64_t pn_tensor_element_size(const at::Tensor* t) { return static_cast<int64_t>(t->element_size()); }
PN_API int64_t pn_tensor_storage_offset(const at::Tensor* t) { return t->storage_offset(); }

// Pointer to the first element (CPU tensors only), for zero-copy spans over contiguous data.
PN_API void* pn_tensor_data_ptr(const at::Tensor* t) {
  try {
    TORCH_CHECK(t->device().is_cpu(), "data pointer requested for a tensor on ", t->device(), "; move it to cpu first");
    return t->data_ptr();
  }
  PN_CATCH(nullptr)
}

// New tensor of the given shape/dtype/device holding a copy of `nbytes` bytes at `data` (row-major).
PN_API at::Tensor* pn_tensor_from_data(const void* data, int64_t nbytes, const int64_t* shape, int32_t ndim,
                                       int32_t dtype, int32_t device_type, int32_t device_index) {
  try {
    auto cpu = at::empty(pn::dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
    const int64_t expected = cpu.numel() * static_cast<int64_t>(cpu.element_size());
    TORCH_CHECK(expected == nbytes, "from_data: shape ", cpu.sizes(), " of ", cpu.scalar_type(), " needs ", expected,
                " bytes but ", nbytes, " were given");
    if (nbytes > 0) std::memcpy(cpu.data_ptr(), data, static_cast<size_t>(nbytes));
    auto dev = pn::device(device_type, device_index);
    return pn::wrap(dev.is_cpu() ? cpu : cpu.to(dev));
  }
  PN_CATCH(nullptr)
}

// Copies the tensor's elements (row-major, any device, any strides) into `dst` of exactly `nbytes`.
PN_API int32_t pn_tensor_copy_to(const at::Tensor* t, void* dst, int64_t nbytes) {
  try {
    auto c = t->detach().to(at::kCPU).contiguous();
    const int64_t have = c.numel() * static_cast<int64_t>(c.element_size());
    TORCH_CHECK(have == nbytes, "copy_to: tensor holds ", have, " bytes, destination has ", nbytes);
    if (nbytes > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(nbytes));
    return 0;
  }
  PN_CATCH(-1)
}

// Value of a one-element tensor as double and int64 (both filled).
PN_API int32_t pn_tensor_item(const at::Tensor* t, double* as_double, int64_t* as_long) {
  try {
    auto s = t->item();
    if (s.isFloatingPoint()) {
      *as_double = s.toDouble();
      *as_long = static_cast<int64_t>(*as_double);
    } else if (s.isBoolean()) {
      *as_long = s.toBool() ? 1 : 0;
      *as_double = static_cast<double>(*as_long);
    } else {
      *as_long = s.toLong();
      *as_double = static_cast<double>(*as_long);
    }
    return 0;
  }
  PN_CATCH(-1)
}

PN_API const char* pn_tensor_to_string(const at::Tensor* t) {
  static thread_local std::string s;
  try {
    std::ostringstream os;
    os << *t;
    s = os.str();
    return s.c_str();
  }
  PN_CATCH(nullptr)
}

// Another handle to the same tensor (shares storage and autograd identity).
PN_API at::Tensor* pn_tensor_alias(const at::Tensor* t) { PN_TENSOR(*t) }

// Replaces the data of `t` with that of `data` keeping the handle's identity (torch's `param.data = new`).
PN_API int32_t pn_tensor_set_data(at::Tensor* t, const at::Tensor* data) { PN_STATUS(t->set_data(*data)) }
