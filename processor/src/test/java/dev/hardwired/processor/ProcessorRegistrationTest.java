package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** javac finds the processor through its service file; Gradle keeps compilation incremental by its entry. */
class ProcessorRegistrationTest {
  @Test
  void registeredAsAnAnnotationProcessorService() throws IOException {
    assertThat(resource("META-INF/services/" + Processor.class.getName()).trim())
        .isEqualTo(NetworkProcessor.class.getName());
  }

  @Test
  void declaredIsolatingForGradle() throws IOException {
    assertThat(resource("META-INF/gradle/incremental.annotation.processors").trim())
        .isEqualTo(NetworkProcessor.class.getName() + ",isolating");
  }

  @Test
  void supportsTheLatestSourceVersion() {
    assertThat(new NetworkProcessor().getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = NetworkProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
