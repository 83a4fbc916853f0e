namespace Panoptic.Abstractions.Data;

/// <summary>Kinds of inconsistency in a dataset (what <c>panoptic data check</c> reports).</summary>
public enum DatasetProblemKind
{
    /// <summary>A file cannot be found, read or parsed.</summary>
    UnreadableFile,

    /// <summary>An image, annotation or segment id appears twice (or is not a valid id).</summary>
    DuplicateId,

    /// <summary>An id outside what the format allows (segment id 0, annotation id below 1).</summary>
    InvalidId,

    /// <summary>An annotation names an image that the file does not list.</summary>
    UnknownImage,

    /// <summary>An annotation or segment uses a category id the categories do not define.</summary>
    UnknownCategory,

    /// <summary>The image file of a record is missing.</summary>
    MissingImage,

    /// <summary>A PNG or mask has another size than its image.</summary>
    SizeMismatch,

    /// <summary>A segment listed in the JSON has no pixel in the PNG.</summary>
    MissingSegment,

    /// <summary>A PNG holds pixels of a segment id the JSON does not list.</summary>
    UnlistedSegment,

    /// <summary>The JSON area differs from the pixel count of the mask.</summary>
    AreaMismatch,

    /// <summary>A box reaches outside its image, or is empty.</summary>
    BoxOutsideImage,

    /// <summary>A segmentation cannot be decoded (bad polygon, bad RLE counts).</summary>
    InvalidMask,
}

/// <summary>How bad a problem is.</summary>
public enum DatasetProblemSeverity
{
    /// <summary>The dataset is inconsistent; training and evaluation refuse it.</summary>
    Error,

    /// <summary>An entry was skipped as detectron2 skips it (for example a polygon with fewer than 3 points).</summary>
    Warning,
}

/// <summary>One inconsistency found in a dataset, named by file and id.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="File">The file it is in (annotation JSON, PNG, image).</param>
/// <param name="Message">What is wrong, with the values found and what would be valid.</param>
/// <param name="ImageId">The image concerned, when there is one.</param>
/// <param name="Id">The annotation or segment id concerned, when there is one.</param>
public sealed record DatasetProblem(DatasetProblemKind Kind, string File, string Message, string? ImageId = null, long? Id = null)
{
    /// <summary>Error (default) or warning.</summary>
    public DatasetProblemSeverity Severity { get; init; } = DatasetProblemSeverity.Error;

    public override string ToString()
    {
        var where = (ImageId, Id) switch
        {
            (null, null) => "",
            (not null, null) => $" image {ImageId}",
            (null, not null) => $" id {Id}",
            _ => $" image {ImageId} id {Id}",
        };
        var severity = Severity == DatasetProblemSeverity.Warning ? "warning " : "";
        return $"{File}:{where} [{severity}{Kind}] {Message}";
    }
}
