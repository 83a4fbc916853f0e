namespace Panoptic.Torch;

/// <summary>Device kinds; values are libtorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}

/// <summary>A device: <c>cpu</c>, <c>cuda</c> (the current CUDA device) or <c>cuda:N</c>.</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static readonly Device Cpu = new(DeviceType.Cpu);

    public static Device Cuda(int index = -1) => new(DeviceType.Cuda, index);

    public bool IsCuda => Type == DeviceType.Cuda;

    /// <summary>Parses <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> (case-insensitive).</summary>
    public static Device Parse(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        if (s == "cpu") return Cpu;
        if (s == "cuda" || s == "gpu") return Cuda();
        if (s.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(s.AsSpan(5), out var i) && i >= 0)
            return Cuda(i);
        throw new ArgumentException($"unknown device '{text}' (valid: cpu, cuda, cuda:N)");
    }

    public override string ToString() => Type switch
    {
        DeviceType.Cpu => "cpu",
        _ when Index < 0 => "cuda",
        _ => $"cuda:{Index}",
    };

    public static implicit operator Device(string text) => Parse(text);
}
