namespace Panoptic.Torch.NN;

/// <summary>A state dict that does not fit a module: missing, unexpected or shape-mismatched keys, all listed.</summary>
public sealed class StateDictException(string message) : Exception(message);

/// <summary>What <see cref="Module.LoadStateDict"/> found besides the keys it loaded.</summary>
public sealed record LoadStateDictResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);
