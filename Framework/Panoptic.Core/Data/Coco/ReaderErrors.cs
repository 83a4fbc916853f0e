using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Coco;

/// <summary>Turns Panoptic.Evaluation's data errors (whose messages start with the file) into dataset problems naming the file once.</summary>
internal static class ReaderErrors
{
    public static DatasetProblem Problem(DatasetProblemKind kind, string file, Exception error, string? imageId = null)
    {
        var prefix = file + ": ";
        var message = error.Message.StartsWith(prefix, StringComparison.Ordinal) ? error.Message[prefix.Length..] : error.Message;
        return new DatasetProblem(kind, file, message, imageId);
    }
}
