using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary>
/// The RPN head shared by every level (detectron2 <c>StandardRPNHead</c>, torchvision <c>RPNHead</c>): 3×3
/// convolution(s) with ReLU (<c>conv</c>, or <c>conv.conv0</c>… when there are several), then 1×1 convolutions to A
/// objectness logits (<c>objectness_logits</c>) and 4·A deltas (<c>anchor_deltas</c>) per location. Weights
/// ~ N(0, 0.01²), biases 0.
/// </summary>
public sealed class RPNHead : Module
{
    /// <param name="inChannels">Channels of every input level.</param>
    /// <param name="anchorsPerLocation">A.</param>
    /// <param name="convDims">Channels of each hidden convolution; −1 means <paramref name="inChannels"/>.</param>
    /// <param name="boxDimension">Deltas per anchor (4).</param>
    public RPNHead(int inChannels, int anchorsPerLocation, IReadOnlyList<int> convDims, int boxDimension = 4)
    {
        if (convDims.Count == 0)
            throw new ArgumentException("the RPN head needs at least one hidden convolution (conv_dims)", nameof(convDims));
        var convs = new List<ConvNorm2d>();
        long channels = inChannels;
        foreach (var dim in convDims)
        {
            var outChannels = dim == -1 ? inChannels : dim;
            convs.Add(new ConvNorm2d(channels, outChannels, 3, padding: 1, relu: true));
            channels = outChannels;
        }
        if (convs.Count == 1)
        {
            Conv = RegisterModule("conv", convs[0]);
        }
        else
        {
            var sequence = new Sequential();
            foreach (var conv in convs)
                sequence.Append(conv);
            Conv = RegisterModule("conv", sequence);
        }
        ObjectnessLogits = RegisterModule("objectness_logits", new Conv2d(channels, anchorsPerLocation, 1));
        AnchorDeltas = RegisterModule("anchor_deltas", new Conv2d(channels, anchorsPerLocation * boxDimension, 1));
        foreach (var conv in convs)
            WeightInit.NormalFill(conv.Weight, conv.Bias, 0.01);
        WeightInit.NormalFill(ObjectnessLogits.Weight, ObjectnessLogits.Bias, 0.01);
        WeightInit.NormalFill(AnchorDeltas.Weight, AnchorDeltas.Bias, 0.01);
    }

    public Module<Tensor, Tensor> Conv { get; }

    public Conv2d ObjectnessLogits { get; }

    public Conv2d AnchorDeltas { get; }

    /// <param name="features">Levels, each (N, C, H_l, W_l).</param>
    /// <returns>Per level (N, A, H_l, W_l) objectness logits and (N, 4·A, H_l, W_l) deltas.</returns>
    public (IReadOnlyList<Tensor> Objectness, IReadOnlyList<Tensor> Deltas) Forward(IReadOnlyList<Tensor> features)
    {
        var objectness = new List<Tensor>(features.Count);
        var deltas = new List<Tensor>(features.Count);
        foreach (var feature in features)
        {
            using var hidden = Conv.Forward(feature);
            objectness.Add(ObjectnessLogits.Forward(hidden));
            deltas.Add(AnchorDeltas.Forward(hidden));
        }
        return (objectness, deltas);
    }
}
