/**
 * Data for training and evaluation: immutable {@link dev.hardwired.data.DataSet}s with shuffles and splits,
 * numeric {@link dev.hardwired.data.Csv} files, ordinary CSV files with a header through a {@link
 * dev.hardwired.data.CsvReader} into a {@link dev.hardwired.data.CsvTable}, {@link
 * dev.hardwired.data.Standardizer} and {@link dev.hardwired.data.MinMaxScaler} scaling, {@link
 * dev.hardwired.data.OneHot} encoding, {@link dev.hardwired.data.Metrics} and the {@link
 * dev.hardwired.data.ClassificationReport}.
 */
package dev.hardwired.data;
