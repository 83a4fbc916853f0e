namespace Panoptic.Torch.Tests.Serialization;

/// <summary>Python helpers shared by the reference scripts (prepended to each script).</summary>
internal static class PythonSnippets
{
    /// <summary>
    /// <c>raw(t)</c>: a tensor's row-major bytes independent of dtype (via a uint8 view, so bfloat16 works);
    /// <c>describe(d)</c>: the <see cref="TensorFacts"/> list of a name → tensor dict.
    /// </summary>
    public const string Prelude = """
        import sys, os, json, hashlib, struct, collections
        import torch

        def raw(t):
            return t.detach().contiguous().reshape(-1).view(torch.uint8).numpy().tobytes()

        def facts(name, t):
            return {"name": name, "dtype": str(t.dtype)[len("torch."):], "shape": list(t.shape),
                    "sha256": hashlib.sha256(raw(t)).hexdigest()}

        def describe(d):
            return [facts(k, v) for k, v in d.items()]

        """;
}
