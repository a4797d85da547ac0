using Led.Toolkit.Learning;
using System.ComponentModel.DataAnnotations;

namespace Led.Autoencoders.Convolutional2D.Tests;

public class ConvAutoencoder2DOptionsTests
{
    [Fact]
    public void Defaults_AreThePaperFamilySizedForSmallGrids_AndValid()
    {
        var options = new ConvAutoencoder2DOptions();

        Assert.Equal(4, options.LatentDim);
        Assert.Equal([16, 16, 16, 16, 4], options.Channels);
        Assert.Equal(5, options.Kernel);
        Assert.True(options.BatchNorm);
        Assert.True(options.Transpose);
        Assert.Equal(PoolingKind.Avg, options.Pooling);
        Assert.Equal(Activation.Celu, options.Activation);
        Assert.Null(options.Kernels);
        Assert.False(options.UsesMaxPooling);
        Assert.Equal(1, options.InputSubsampling);
        Assert.Empty(options.Errors());
    }

    [Fact]
    public void ThePaperCylinderModel_IsValid()
    {
        var paper = new ConvAutoencoder2DOptions { Channels = [20, 20, 20, 20, 20, 2], Kernel = 13, InputSubsampling = 2, LatentDim = 10 };

        Assert.Empty(paper.Errors());
    }

    [Theory]
    [InlineData(PoolingKind.Max, true)]
    [InlineData(PoolingKind.Avg, false)]
    public void Pooling_IsAvgOrMax(PoolingKind pooling, bool max)
    {
        var options = new ConvAutoencoder2DOptions { Pooling = pooling };

        Assert.Empty(options.Errors());
        Assert.Equal(max, options.UsesMaxPooling);
    }

    [Theory]
    [InlineData(ConvPadding.Circular, null, null, "Padding")]
    [InlineData(ConvPadding.Zeros, ConvPadding.Circular, null, "PaddingY")]
    [InlineData(ConvPadding.Zeros, null, ConvPadding.Circular, "PaddingX")]
    public void CircularPadding_NeedsTransposeOff(ConvPadding padding, ConvPadding? y, ConvPadding? x, string member)
    {
        var options = new ConvAutoencoder2DOptions { Padding = padding, PaddingY = y, PaddingX = x };
        var error = Assert.Single(options.Errors());
        Assert.Equal([member], error.MemberNames);
        Assert.Contains("Circular padding needs Transpose false", error.ErrorMessage);

        options.Transpose = false;
        Assert.Empty(options.Errors());
        Assert.Equal(padding == ConvPadding.Circular || y == ConvPadding.Circular, options.CircularY);
        Assert.Equal(padding == ConvPadding.Circular || x == ConvPadding.Circular, options.CircularX);
    }

    [Fact]
    public void Kernels_NeedOneOddKernelPerLayer()
    {
        Assert.Empty(new ConvAutoencoder2DOptions { Channels = [4, 4], Kernels = [3, 7] }.Errors());

        var count = Assert.Single(new ConvAutoencoder2DOptions { Channels = [4, 4, 4], Kernels = [3, 5] }.Errors());
        Assert.Equal([nameof(ConvAutoencoder2DOptions.Kernels)], count.MemberNames);
        Assert.Contains("Kernels lists 2 kernel sizes but Channels lists 3 layers", count.ErrorMessage);
        Assert.Contains("e.g. [5, 5, 5]", count.ErrorMessage);

        var even = Assert.Single(new ConvAutoencoder2DOptions { Channels = [4, 4], Kernels = [3, 4] }.Errors());
        Assert.Contains("Kernels[1] is 4", even.ErrorMessage);
        Assert.Contains("use e.g. 5", even.ErrorMessage);
        Assert.Single(new ConvAutoencoder2DOptions { Channels = [4, 4], Kernels = [0, 3] }.Errors());
    }

    [Fact]
    public void AnUndefinedActivation_IsAnErrorListingTheChoices()
    {
        var error = Assert.Single(new ConvAutoencoder2DOptions { Activation = (Activation)42 }.Errors());
        Assert.Equal([nameof(ConvAutoencoder2DOptions.Activation)], error.MemberNames);
        Assert.Contains("celu, relu, tanh, elu, selu, gelu, silu", error.ErrorMessage);
    }

    [Fact]
    public void EvenKernel_IsAnErrorNamingKernelAndAFix()
    {
        var error = Assert.Single(new ConvAutoencoder2DOptions { Kernel = 12 }.Errors());

        Assert.Equal([nameof(ConvAutoencoder2DOptions.Kernel)], error.MemberNames);
        Assert.Contains("Kernel (12) must be odd", error.ErrorMessage);
        Assert.Contains("use e.g. 13", error.ErrorMessage);
    }

    [Fact]
    public void UnknownPooling_IsAnErrorListingTheChoices()
    {
        var error = Assert.Single(new ConvAutoencoder2DOptions { Pooling = (PoolingKind)7 }.Errors());

        Assert.Equal([nameof(ConvAutoencoder2DOptions.Pooling)], error.MemberNames);
        Assert.Contains("Pooling 7", error.ErrorMessage);
        Assert.Contains("avg", error.ErrorMessage);
        Assert.Contains("max", error.ErrorMessage);
    }

    [Fact]
    public void EmptyOrNonPositiveChannels_AreErrors()
    {
        var empty = Assert.Single(new ConvAutoencoder2DOptions { Channels = [] }.Errors());
        Assert.Contains("Channels", empty.ErrorMessage);

        var zero = Assert.Single(new ConvAutoencoder2DOptions { Channels = [16, 0, 8] }.Errors());
        Assert.Contains("Channels[1] is 0", zero.ErrorMessage);

        var tooMany = Assert.Single(new ConvAutoencoder2DOptions { Channels = [.. Enumerable.Repeat(2, 17)] }.Errors());
        Assert.Contains("17 layers", tooMany.ErrorMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void InputSubsamplingOutsideOneTo64_IsAnError(int factor)
    {
        var error = Assert.Single(new ConvAutoencoder2DOptions { InputSubsampling = factor }.Errors());

        Assert.Equal([nameof(ConvAutoencoder2DOptions.InputSubsampling)], error.MemberNames);
        Assert.Contains("InputSubsampling must be between 1", error.ErrorMessage);
    }

    [Fact]
    public void AttributeAndRuleErrors_AreReportedTogether()
    {
        var options = new ConvAutoencoder2DOptions { LatentDim = 0, Kernel = 6, Pooling = (PoolingKind)9 };

        IReadOnlyList<ValidationResult> errors = options.Errors();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("LatentDim must be a positive integer"));
        var thrown = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
        Assert.Contains("ConvAutoencoder2D", thrown.Message);
        Assert.Contains("LatentDim", thrown.Message);
        Assert.Contains("Kernel (6)", thrown.Message);
        Assert.Contains("Pooling 9", thrown.Message);
    }
}
