using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

/// <summary>Where a model's parameters live (detectron2 <c>self.device</c>): inputs are moved there.</summary>
internal static class ModelDevice
{
    /// <summary>The device of the first parameter; the CPU for a model without parameters.</summary>
    public static Device Of(Module model) => model.Parameters().FirstOrDefault()?.Device ?? Device.Cpu;
}
