/**
 * Data for training and evaluation: immutable {@link dev.hardwired.data.DataSet}s with shuffles and splits,
 * numeric {@link dev.hardwired.data.Csv} files, {@link dev.hardwired.data.Standardizer} scaling, {@link
 * dev.hardwired.data.OneHot} encoding and {@link dev.hardwired.data.Metrics}.
 */
package dev.hardwired.data;
