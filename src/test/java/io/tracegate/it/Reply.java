package io.tracegate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.StringReader;
import java.net.http.HttpHeaders;

/** An HTTP answer from the deployed server. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        return (JsonObject) structure();
    }

    public JsonStructure structure() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
