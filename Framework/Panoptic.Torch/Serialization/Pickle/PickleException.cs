namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// A malformed or disallowed pickle construct found while unpickling; <see cref="Unpickler"/> turns it into a
/// <see cref="CheckpointFormatException"/> naming the file, the opcode and its byte offset.
/// </summary>
internal sealed class PickleException(string message) : Exception(message);
