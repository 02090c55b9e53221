package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.features.LanguageFeatures;
import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The first stage of the offline pipeline: a tweet's body ({@value #BODY}) to the domain's language terms
 * ({@value #TERMS}), the character n-grams and symbols the streaming classifier reads too. A pipeline stage of our own,
 * so a saved model holds its whole recipe; Spark saves it as it saves its own stages (its parameters: none) and loads
 * it by name, which needs {@link #read()} and the constructor from a uid.
 */
public final class LanguageTerms extends Transformer implements DefaultParamsWritable {

    static final String BODY = "body";
    static final String TERMS = "terms";

    private static final UserDefinedFunction TERMS_OF = functions.udf(
            (UDF1<String, String[]>) body -> LanguageFeatures.terms(body).toJavaArray(String[]::new),
            DataTypes.createArrayType(DataTypes.StringType, false));

    private final String uid;

    public LanguageTerms() {
        this(Identifiable$.MODULE$.randomUID("languageTerms"));
    }

    /** Spark's loader and {@link #copy} make a stage from its uid. */
    public LanguageTerms(String uid) {
        this.uid = uid;
    }

    /** How Spark loads a saved stage of this class (it calls a static {@code read()} by reflection). */
    public static MLReader<LanguageTerms> read() {
        return new DefaultParamsReader<>();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        return dataset.withColumn(TERMS, TERMS_OF.apply(dataset.col(BODY)));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!Arrays.asList(schema.fieldNames()).contains(BODY)
                || !schema.apply(BODY).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("language terms are read from a string column '" + BODY + "', not in "
                    + schema.simpleString());
        }
        return schema.add(TERMS, DataTypes.createArrayType(DataTypes.StringType, false), false);
    }

    @Override
    public LanguageTerms copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
