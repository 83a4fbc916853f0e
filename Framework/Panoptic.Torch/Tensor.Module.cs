using Panoptic.Torch.Native;

namespace Panoptic.Torch;

public partial class Tensor
{
    /// <summary>
    /// Replaces this tensor's data with <paramref name="data"/>'s (shared, not copied) while keeping its identity,
    /// gradient flag and every reference to it (<c>t.data = data</c>). Used to move modules between devices/dtypes.
    /// </summary>
    public void SetData(Tensor data) => Checked.Status(NativeMethods.pn_tensor_set_data(Handle, data.Handle));
}
