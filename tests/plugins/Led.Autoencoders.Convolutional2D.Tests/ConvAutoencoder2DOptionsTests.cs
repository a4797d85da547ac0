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
        Assert.Equal("avg", options.Pooling);
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
    [InlineData("max", true)]
    [InlineData("MAX", true)]
    [InlineData("Avg", false)]
    public void Pooling_AcceptsAvgAndMaxInAnyCase(string pooling, bool max)
    {
        var options = new ConvAutoencoder2DOptions { Pooling = pooling };

        Assert.Empty(options.Errors());
        Assert.Equal(max, options.UsesMaxPooling);
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
        var error = Assert.Single(new ConvAutoencoder2DOptions { Pooling = "median" }.Errors());

        Assert.Equal([nameof(ConvAutoencoder2DOptions.Pooling)], error.MemberNames);
        Assert.Contains("'median'", error.ErrorMessage);
        Assert.Contains("'avg'", error.ErrorMessage);
        Assert.Contains("'max'", error.ErrorMessage);
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
        var options = new ConvAutoencoder2DOptions { LatentDim = 0, Kernel = 6, Pooling = "sum" };

        IReadOnlyList<ValidationResult> errors = options.Errors();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("LatentDim must be a positive integer"));
        var thrown = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
        Assert.Contains("ConvAutoencoder2D", thrown.Message);
        Assert.Contains("LatentDim", thrown.Message);
        Assert.Contains("Kernel (6)", thrown.Message);
        Assert.Contains("'sum'", thrown.Message);
    }
}
