using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/roi_align.cpp, native/src/nms.cpp, native/src/paste_masks.cpp
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr pn_roi_align(TensorHandle input, TensorHandle rois, double spatialScale, long pooledH, long pooledW, long samplingRatio, int aligned);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nms(TensorHandle boxes, TensorHandle scores, double iouThreshold);
    [LibraryImport(Lib)] internal static partial IntPtr pn_paste_masks(TensorHandle masks, TensorHandle boxes, long imageHeight, long imageWidth, long padding);
}
