// Compiled only when this build has no CUDA compiler: the CUDA entry points report why there is no device.
#include <leafmech/kernels/contact/contact_batch.h>
#include <leafmech/kernels/material_batch.h>

#include <stdexcept>

namespace leafmech::kernels
{
  bool cuda_compiled() { return false; }
  int  cuda_device_count() { return 0; }
  std::string cuda_device_description() { return "this leafmech was built without CUDA (nvcc not found at configure time)"; }

  std::unique_ptr<MaterialBatchEvaluator> make_cuda_material_evaluator()
  {
    throw std::runtime_error(cuda_device_description() + "; reconfigure with the CUDA toolkit on PATH.");
  }

  std::unique_ptr<ContactEvaluator> make_cuda_contact_evaluator()
  {
    throw std::runtime_error(cuda_device_description() + "; reconfigure with the CUDA toolkit on PATH.");
  }
} // namespace leafmech::kernels
