namespace Panoptic.Core.Engine.Checkpointing;

/// <summary>
/// A checkpoint cannot be used for what was asked (resume with another optimizer or other parameter groups, a data
/// seed that differs, a file that is not a training checkpoint). The message names the file and what differs.
/// The command line maps it to exit code 2.
/// </summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
