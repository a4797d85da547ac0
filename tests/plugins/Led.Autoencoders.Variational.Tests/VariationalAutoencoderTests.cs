using Led.Abstractions.Systems;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Autoencoders.Variational.Tests;

public class VariationalAutoencoderTests
{
    private static readonly SystemDescription Fhn = new(["u", "v"], [101], [20.0], 1.0, false);

    private static VariationalAutoencoder Create(VariationalBackbone backbone, int seed = 1)
    {
        manual_seed(seed);
        return new VariationalAutoencoder(new VariationalAutoencoderOptions
        {
            LatentDim = 3, Beta = 0.5, Backbone = backbone, Layers = 2, Width = 16, Channels = [4, 6], Kernel = 3,
        }, Fhn, new CpuDevice());
    }

    [Theory]
    [InlineData(VariationalBackbone.Mlp)]
    [InlineData(VariationalBackbone.Conv1d)]
    public void EncodeIsTheMeanOfTheDistributionAndTheLogVarianceHasItsShape(VariationalBackbone backbone)
    {
        using var scope = NewDisposeScope();
        using var vae = Create(backbone);
        var states = rand(5, 2, 101, dtype: ScalarType.Float64);
        using var noGrad = no_grad();

        var (mean, logVariance) = vae.EncodeDistribution(states);

        Assert.Equal(0.5, vae.Beta);
        Assert.Equal(new long[] { 5, 3 }, mean.shape);
        Assert.Equal(new long[] { 5, 3 }, logVariance.shape);
        Assert.True(vae.Encode(states).eq(mean).all().item<bool>(), "Encode is not the distribution's mean");
        var decoded = vae.Decode(mean);
        Assert.Equal(new long[] { 5, 2, 101 }, decoded.shape);
        Assert.True(decoded.gt(0).all().item<bool>() && decoded.lt(1).all().item<bool>(), "decoded values leave (0, 1)");
    }

    [Fact]
    public void TheParameterNamesArePyTorchStyle()
    {
        using var mlp = Create(VariationalBackbone.Mlp);
        using var conv = Create(VariationalBackbone.Conv1d);

        Assert.Equal(["encoder.1.weight", "encoder.1.bias", "encoder.3.weight", "encoder.3.bias", "mean.weight", "mean.bias", "log_var.weight", "log_var.bias",
                      "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias", "decoder.4.weight", "decoder.4.bias"],
            mlp.Module.named_parameters().Select(p => p.name));
        Assert.Equal(["encoder_layers.0.conv.weight", "encoder_layers.0.conv.bias", "encoder_layers.1.conv.weight", "encoder_layers.1.conv.bias",
                      "mean.weight", "mean.bias", "log_var.weight", "log_var.bias", "decoder_linear.weight", "decoder_linear.bias",
                      "decoder_layers.0.conv.weight", "decoder_layers.0.conv.bias", "decoder_layers.1.conv.weight", "decoder_layers.1.conv.bias"],
            conv.Module.named_parameters().Select(p => p.name));
        // 101 points pad to 104 = 26·2²: the heads read 6 channels × 26 points; the decoder's last layer maps 4 channels to the system's 2.
        var shapes = conv.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(new long[] { 3, 156 }, shapes["mean.weight"]);
        Assert.Equal(new long[] { 2, 4, 3 }, shapes["decoder_layers.1.conv.weight"]);
    }

    [Fact]
    public void LatentsOfAnotherDimensionAreRefused()
    {
        using var scope = NewDisposeScope();
        using var vae = Create(VariationalBackbone.Mlp);

        var error = Assert.Throws<ArgumentException>(() => vae.Decode(zeros(2, 4, dtype: ScalarType.Float64)));

        Assert.StartsWith("VariationalAutoencoder.Decode expects latents of shape [B, 3] (batch, d_z), but got [2, 4].", error.Message);
    }
}
