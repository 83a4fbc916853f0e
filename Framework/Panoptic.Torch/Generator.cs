using Panoptic.Torch.Native;

namespace Panoptic.Torch;

/// <summary>A seedable CPU random generator (<c>torch.Generator().manual_seed(s)</c>); random ops accept one.</summary>
public sealed class Generator : IDisposable
{
    internal IntPtr Handle { get; private set; }

    public Generator(ulong seed)
    {
        Torch.Initialize();
        Handle = Checked.Handle(NativeMethods.pn_generator_new(seed));
    }

    public Generator ManualSeed(ulong seed)
    {
        Checked.Status(NativeMethods.pn_generator_set_seed(Handle, seed));
        return this;
    }

    /// <summary>The generator's state as a uint8 tensor (<c>get_state</c>), for checkpoints.</summary>
    public Tensor GetState() => Checked.Wrap(NativeMethods.pn_generator_get_state(Handle));

    public void SetState(Tensor state) => Checked.Status(NativeMethods.pn_generator_set_state(Handle, state.Handle));

    /// <summary>State of libtorch's default CPU generator (what <see cref="Torch.ManualSeed"/> seeds).</summary>
    public static Tensor GetDefaultState()
    {
        Torch.Initialize();
        return Checked.Wrap(NativeMethods.pn_generator_get_state(IntPtr.Zero));
    }

    public static void SetDefaultState(Tensor state) =>
        Checked.Status(NativeMethods.pn_generator_set_state(IntPtr.Zero, state.Handle));

    internal static IntPtr HandleOf(Generator? g) => g?.Handle ?? IntPtr.Zero;

    public void Dispose()
    {
        if (Handle == IntPtr.Zero) return;
        NativeMethods.pn_generator_free(Handle);
        Handle = IntPtr.Zero;
        GC.SuppressFinalize(this);
    }

    ~Generator() => Dispose();
}
