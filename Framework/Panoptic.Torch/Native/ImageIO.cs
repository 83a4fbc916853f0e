using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/image_io.cpp (OpenCV work in native/codec/cv_codec.cpp)
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int pn_image_codecs_available();
    [LibraryImport(Lib)] internal static partial IntPtr pn_image_decode(byte* data, long n, int mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr pn_image_encode(TensorHandle img, string ext, int quality, int rgbInput);
    [LibraryImport(Lib)] internal static partial IntPtr pn_image_resize(TensorHandle img, long oh, long ow, int interpolation);
}
