using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Mapping;

/// <summary>The semantic label crowd thing segments get in the semantic target derived from a panoptic PNG.</summary>
public enum CrowdSemantics
{
    /// <summary>0, the "things" class, like every thing pixel (detectron2's <c>prepare_panoptic_fpn.py</c>).</summary>
    Thing,

    /// <summary>255: the semantic loss ignores crowd regions.</summary>
    Ignore,
}

/// <summary>How <see cref="DatasetMapper"/> turns a record into model input (detectron2 <c>DatasetMapper</c> settings).</summary>
public sealed record MapperOptions
{
    /// <summary>Channel order images are decoded to.</summary>
    public ImageFormat ImageFormat { get; init; } = ImageFormat.BGR;

    /// <summary>How instance masks from polygon annotations travel (RLE and panoptic masks are always bitmaps).</summary>
    public MaskFormat MaskFormat { get; init; } = MaskFormat.Polygon;

    /// <summary>Build ground truth (instances without crowds, semantic target); false at inference, as detectron2 drops annotations at test time.</summary>
    public bool LoadTargets { get; init; } = true;

    /// <summary>Semantic label of crowd thing pixels.</summary>
    public CrowdSemantics CrowdSemantics { get; init; } = CrowdSemantics.Ignore;

    /// <summary>Label of unlabeled pixels (and of padding in batches).</summary>
    public int IgnoreLabel { get; init; } = 255;

    /// <summary>Boxes whose width or height is at most this after clipping are dropped (detectron2 <c>filter_empty_instances</c>).</summary>
    public double MinBoxSize { get; init; } = 1e-5;
}
