# Builds the app from this repository and runs it (used by docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/helpboard-*.jar /app.jar

FROM eclipse-temurin:17-jre
# a font that draws Chinese, for the posters (/r/{id}/poster.png)
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system helpboard
USER helpboard
COPY --from=build /app.jar /app.jar
EXPOSE 8080
# glibc gives each thread that allocates natively its own 64 MB arena (up to 8 per core);
# two are enough (resident size, docs/performance.md "Memory")
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-jar", "/app.jar"]
