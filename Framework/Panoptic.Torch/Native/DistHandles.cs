using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

/// <summary>Owns one native c10d store (<c>pn::DistStore*</c>); releasing it drops this reference to the store.</summary>
internal sealed class DistStoreHandle : SafeHandle
{
    internal DistStoreHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(Checked.Handle(handle));

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.pn_dist_store_free(handle);
        return true;
    }
}

/// <summary>Owns one native process group (<c>pn::DistGroup*</c>); releasing it destroys the group.</summary>
internal sealed class DistGroupHandle : SafeHandle
{
    internal DistGroupHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(Checked.Handle(handle));

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.pn_dist_group_free(handle);
        return true;
    }
}
