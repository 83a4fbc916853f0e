namespace Panoptic.Torch.Serialization;

/// <summary>
/// A tensor file (safetensors, PyTorch <c>.pth</c>) is malformed, truncated or uses something this reader does not
/// support. The message starts with the file path and names the tensor, storage or pickle offset at fault.
/// </summary>
public sealed class CheckpointFormatException : Exception
{
    public CheckpointFormatException(string filePath, string message)
        : base($"{filePath}: {message}") => FilePath = filePath;

    public CheckpointFormatException(string filePath, string message, Exception inner)
        : base($"{filePath}: {message}", inner) => FilePath = filePath;

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }
}
