using System.Text.Json;
using Panoptic.Torch.Tests.Support;
using Panoptic.Torch.Vision;

namespace Panoptic.Torch.Tests.Vision;

/// <summary>Mask pasting against torchvision's <c>paste_masks_in_image</c>.</summary>
public class PasteMasksTests
{
    private static readonly float[] Boxes =
    [
        10.3f, 5.7f, 40.2f, 30.9f,   // inside
        -8.0f, -3.5f, 12.0f, 9.0f,   // partly outside (top-left)
        50.0f, 35.0f, 90.0f, 70.0f,  // partly outside (bottom-right)
        20.0f, 20.0f, 20.4f, 20.6f,  // sub-pixel
        100f, 100f, 120f, 130f,      // wholly outside
    ];

    [Fact]
    public void Pastes_exactly_like_torchvision()
    {
        var json = PythonReference.Run("""
            import sys, json, torch
            from torchvision.models.detection.roi_heads import paste_masks_in_image
            boxes = torch.tensor(json.loads(sys.argv[1]), dtype=torch.float32).reshape(-1, 4)
            masks = (torch.arange(5 * 28 * 28, dtype=torch.float32).reshape(5, 1, 28, 28) * 0.05).sin() * 0.5 + 0.5
            out = paste_masks_in_image(masks, boxes, (48, 64), padding=1)
            print(json.dumps(out.flatten().tolist()))
            """, JsonSerializer.Serialize(Boxes));
        var expected = JsonSerializer.Deserialize<double[]>(json)!;

        using var scope = Torch.NewDisposeScope();
        var masks = (Torch.Arange(0L, 5 * 28 * 28, 1L, DType.Float32).Reshape(5, 28, 28) * 0.05).Sin() * 0.5 + 0.5;
        var pasted = Ops.PasteMasks(masks, Torch.From(Boxes, 5, 4), 48, 64);
        pasted.Shape.Should().Equal(5, 48, 64);
        var actual = pasted.ToArray<float>();
        actual.Length.Should().Be(expected.Length);
        for (var i = 0; i < actual.Length; i++)
            ((double)actual[i]).Should().BeApproximately(expected[i], 1e-6, $"element {i}");
        using var outside = pasted[4].Abs().Sum();
        outside.ToDouble().Should().Be(0);
    }

    [Fact]
    public void Mismatched_inputs_are_TorchExceptions()
    {
        using var scope = Torch.NewDisposeScope();
        ((Action)(() => Ops.PasteMasks(Torch.Zeros([2, 28, 28]), Torch.Zeros([3, 4]), 10, 10))).Should().Throw<TorchException>().WithMessage("*N = 2*");
        ((Action)(() => Ops.PasteMasks(Torch.Zeros([2, 28, 14]), Torch.Zeros([2, 4]), 10, 10))).Should().Throw<TorchException>().WithMessage("*(N, M, M)*");
    }
}
