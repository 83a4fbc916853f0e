namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary>How far apart anchors are on each level.</summary>
public enum AnchorStrides
{
    /// <summary>The feature's stride (detectron2).</summary>
    Nominal,

    /// <summary>
    /// Padded image size // feature size, per axis (torchvision <c>AnchorGenerator</c>): differs from the nominal stride when
    /// a level's size was rounded up, e.g. P6 of a 416-pixel-wide batch is 7 wide, spaced 59 pixels apart.
    /// </summary>
    ImageOverGrid,
}
